package dev.modelfn.predict;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.CsvRows;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class PredictTest {

    private static final Map<String, Object> SETOSA = Map.of("sepal_length_cm", 5.1, "sepal_width_cm", 3.5,
            "petal_length_cm", 1.4, "petal_width_cm", 0.2);

    @Test
    void predictsOneIrisRowWithProbabilities() {
        given().body(Map.of("model", "iris", "features", SETOSA)).contentType("application/json")
                .when().post("/predict")
                .then().statusCode(200).contentType("application/json")
                .body("model", equalTo("iris"))
                .body("version", notNullValue())
                .body("predictions", hasSize(1))
                .body("predictions[0].label", equalTo("setosa"))
                .body("predictions[0].scores.setosa", greaterThan(0.95f))
                .body("predictions[0].scores.size()", equalTo(3));
    }

    @Test
    void scoresOfEachRowSumToOne() {
        JsonPath answer = predictBatch("iris", CsvRows.load("iris.csv", "species").rows());
        for (Map<String, Float> scores : answer.<Map<String, Float>>getList("predictions.scores")) {
            double sum = scores.values().stream().mapToDouble(Float::doubleValue).sum();
            assertEquals(1.0, sum, 1e-4);
        }
    }

    @Test
    void irisAccuracyOverTheWholeDatasetInOneBatch() {
        CsvRows iris = CsvRows.load("iris.csv", "species");
        List<String> labels = predictBatch("iris", iris.rows()).getList("predictions.label");
        assertEquals(iris.targets().size(), labels.size());
        int correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            correct += labels.get(i).equals(iris.targets().get(i)) ? 1 : 0;
        }
        double accuracy = correct / (double) labels.size();
        assertTrue(accuracy >= 0.93, "iris accuracy " + accuracy);
    }

    @Test
    void diabetesRSquaredOverTheWholeDataset() {
        CsvRows diabetes = CsvRows.load("diabetes.csv", "target");
        JsonPath answer = predictBatch("diabetes", diabetes.rows());
        List<Float> values = answer.getList("predictions.value");
        List<Float> named = answer.getList("predictions.values.target");
        assertEquals(values, named);
        List<Double> truth = diabetes.numericTargets();
        double mean = truth.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double residual = 0;
        double total = 0;
        for (int i = 0; i < truth.size(); i++) {
            residual += Math.pow(truth.get(i) - values.get(i), 2);
            total += Math.pow(truth.get(i) - mean, 2);
        }
        double r2 = 1 - residual / total;
        assertTrue(r2 >= 0.40, "diabetes R2 " + r2);
    }

    @Test
    void batchPredictionsComeBackInTheOrderOfTheRows() {
        List<Map<String, Object>> rows = new ArrayList<>(CsvRows.load("iris.csv", "species").rows());
        Collections.shuffle(rows, new Random(7));
        List<Map<String, Object>> sample = rows.subList(0, 30);
        List<Map<String, Float>> batched = predictBatch("iris", sample).getList("predictions.scores");
        for (int i = 0; i < sample.size(); i++) {
            Map<String, Float> alone = given().body(Map.of("model", "iris", "features", sample.get(i)))
                    .contentType("application/json").post("/predict")
                    .then().statusCode(200).extract().jsonPath().getMap("predictions[0].scores");
            assertEquals(alone, batched.get(i), "row " + i);
        }
    }

    @Test
    void answersWhenAskedForTheLoadedVersion() {
        String version = given().get("/models?model=iris").then().statusCode(200)
                .extract().jsonPath().getString("models[0].version");
        given().body(Map.of("model", "iris", "version", version, "features", SETOSA)).contentType("application/json")
                .when().post("/predict")
                .then().statusCode(200).body("version", equalTo(version));
    }

    @Test
    void extraFieldOrderDoesNotMatter() {
        given().body("{\"features\":{\"petal_width_cm\":0.2,\"petal_length_cm\":1.4,\"sepal_width_cm\":3.5,"
                + "\"sepal_length_cm\":5.1},\"model\":\"iris\"}").contentType("application/json")
                .when().post("/predict")
                .then().statusCode(200).body("predictions[0].label", equalTo("setosa"));
    }

    @Test
    void aBatchTooLargeForTheEventLoopIsAnsweredLikeASmallOne() {
        List<Map<String, Object>> iris = CsvRows.load("iris.csv", "species").rows();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int copy = 0; copy < 8; copy++) {
            rows.addAll(iris);
        }
        List<String> small = predictBatch("iris", iris).getList("predictions.label");
        List<String> large = predictBatch("iris", rows).getList("predictions.label");
        for (int i = 0; i < large.size(); i++) {
            assertEquals(small.get(i % small.size()), large.get(i), "row " + i);
        }
    }

    @Test
    void baselineIsNotServedUnlessSwitchedOn() {
        expectProblem("/predict-baseline", "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1}}", 404,
                "no-such-function");
    }

    private static JsonPath predictBatch(String model, List<Map<String, Object>> rows) {
        return given().body(Map.of("model", model, "rows", rows)).contentType("application/json")
                .when().post("/predict")
                .then().statusCode(200).body("predictions", hasSize(rows.size()))
                .extract().jsonPath();
    }
}
