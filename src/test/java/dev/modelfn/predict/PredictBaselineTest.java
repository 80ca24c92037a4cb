package dev.modelfn.predict;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.CsvRows;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The benchmark's yardstick: same request handling as /predict, a constant answer of the same shape. */
@QuarkusTest
@TestProfile(PredictBaselineTest.BaselineOn.class)
class PredictBaselineTest {

    public static class BaselineOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("modelfn.bench.baseline", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreFolderResource.class));
        }
    }

    @Test
    void baselineAnswersInTheShapeOfPredict() {
        List<Map<String, Object>> rows = CsvRows.load("iris.csv", "species").rows().subList(40, 60);
        Map<String, Object> request = Map.of("model", "iris", "rows", rows);
        JsonPath real = post("/predict", request);
        JsonPath baseline = post("/predict-baseline", request);
        assertEquals(real.getString("model"), baseline.getString("model"));
        assertEquals(real.getString("version"), baseline.getString("version"));
        assertEquals(rows.size(), baseline.getList("predictions").size());
        for (int i = 0; i < rows.size(); i++) {
            String row = "predictions[" + i + "]";
            assertEquals(real.getMap(row).keySet(), baseline.getMap(row).keySet());
            assertEquals(real.getMap(row + ".scores").keySet(), baseline.getMap(row + ".scores").keySet());
        }
    }

    @Test
    void baselineAnswersRegressionInTheShapeOfPredict() {
        Map<String, Object> request = Map.of("model", "diabetes",
                "features", CsvRows.load("diabetes.csv", "target").rows().get(0));
        JsonPath real = post("/predict", request);
        JsonPath baseline = post("/predict-baseline", request);
        assertEquals(real.getMap("predictions[0]").keySet(), baseline.getMap("predictions[0]").keySet());
        assertEquals(real.getMap("predictions[0].values").keySet(), baseline.getMap("predictions[0].values").keySet());
    }

    /** Feature names are checked where rows become examples, which is the model's work that the baseline skips. */
    @Test
    void baselineRefusesWhatTheRequestChecksRefuse() {
        expectProblem("/predict-baseline", "{\"model\":\"iris\",\"rows\":[{\"sepal_length_cm\":\"x\"}]}", 400,
                "invalid-feature-value").body("row", equalTo(0));
        expectProblem("/predict-baseline", "{\"model\":\"tulip\",\"features\":{\"a\":1}}", 404, "unknown-model");
        expectProblem("/predict-baseline", "{\"model\":", 400, "malformed-json");
        expectProblem("/predict-baseline", "", 400, "empty-body");
    }

    private static JsonPath post(String path, Map<String, Object> request) {
        return given().body(request).contentType("application/json")
                .when().post(path)
                .then().statusCode(200).contentType("application/json").body("predictions", hasSize(
                        request.containsKey("rows") ? ((List<?>) request.get("rows")).size() : 1))
                .extract().jsonPath();
    }
}
