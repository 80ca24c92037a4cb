package dev.modelfn.predict;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(FeaturePolicyTest.Lenient.class)
class FeaturePolicyTest {

    public static class Lenient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("modelfn.predict.unknown-features", "ignore",
                    "modelfn.predict.missing-features", "allow",
                    "modelfn.predict.max-rows", "3");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreFolderResource.class));
        }
    }

    private static final String ROW = "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";

    @Test
    void unknownFeaturesAreIgnoredWhenConfigured() {
        Map<String, Float> plain = scores("{\"model\":\"iris\",\"features\":" + ROW + "}");
        Map<String, Float> extra = scores("{\"model\":\"iris\",\"features\":" + ROW.replace("}", ",\"colour\":3}") + "}");
        assertEquals(plain, extra);
    }

    @Test
    void missingFeaturesArePredictedWhenAllowed() {
        Map<String, Float> full = scores("{\"model\":\"iris\",\"features\":" + ROW + "}");
        Map<String, Float> partial = scores("{\"model\":\"iris\",\"features\":{\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}");
        assertNotEquals(full, partial);
    }

    @Test
    void aRowWithNoKnownFeatureIsStillRefused() {
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":{\"colour\":3}}", 400, "no-known-features");
    }

    @Test
    void maxRowsIsConfigurable() {
        expectProblem("/predict", "{\"model\":\"iris\",\"rows\":[" + String.join(",", ROW, ROW, ROW, ROW) + "]}",
                413, "too-many-rows").body("maxRows", equalTo(3));
    }

    private static Map<String, Float> scores(String body) {
        return given().body(body).contentType("application/json").post("/predict")
                .then().statusCode(200).extract().jsonPath().getMap("predictions[0].scores");
    }

    @Test
    void aRowWithOnlyConstantFeaturesIsA400NotA500() {
        given().body(Map.of("model", "iris-constant", "task", "classification", "target", "species",
                "data", Map.of("uri", "file:iris_constant_columns.csv"))).contentType("application/json")
                .post("/train").then().statusCode(200).body("constantFeatures", equalTo(List.of("batch", "pixel_0")));
        expectProblem("/predict", "{\"model\":\"iris-constant\",\"features\":{\"batch\":7,\"pixel_0\":0}}", 400,
                "no-known-features").body("row", equalTo(0));
        given().body("{\"model\":\"iris-constant\",\"features\":{\"batch\":7,\"petal_length_cm\":1.4}}")
                .contentType("application/json").post("/predict").then().statusCode(200);
    }
}
