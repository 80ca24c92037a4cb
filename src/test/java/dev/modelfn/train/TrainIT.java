package dev.modelfn.train;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.AuthOffResource;
import dev.modelfn.support.CsvRows;
import dev.modelfn.support.S3StoreResource;
import dev.modelfn.support.S3TestServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Training in the packaged application (jar, or native executable with {@code -Dnative}): every test of
 * {@link TrainTest} (datasets from S3, the data folder, inline CSV and inline rows), and every objective,
 * with and without standardisation, trained, saved to the bucket, loaded back and served. In the native
 * executable this is what the reflection metadata must allow.
 */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class TrainIT extends TrainTest {

    private static final Map<String, Object> SETOSA = CsvRows.load("iris.csv", "species").rows().get(0);
    private static final Map<String, Object> DIABETES_ROW = CsvRows.load("diabetes.csv", "target").rows().get(0);

    @Test
    void trainsFromS3WritesTheVersionToTheBucketAndServesIt() {
        String version = TrainTest.train(Map.of("model", "it-iris", "task", "classification", "target", "species",
                "data", Map.of("uri", "s3://datasets/iris.csv"))).getString("version");
        given().body(Map.of("model", "it-iris", "features", SETOSA)).contentType("application/json").post("/predict")
                .then().statusCode(200)
                .body("version", equalTo(version))
                .body("predictions[0].label", equalTo("setosa"));
        try (S3Client s3 = S3TestServer.client()) {
            List<String> keys = s3.listObjectsV2(b -> b.bucket(S3StoreResource.MODELS_BUCKET)).contents().stream()
                    .map(S3Object::key).filter(key -> key.contains("/it-iris/")).toList();
            assertThat(keys).anyMatch(key -> key.endsWith("/it-iris/versions/" + version + "/model.tribuo"))
                    .anyMatch(key -> key.endsWith("/it-iris/versions/" + version + "/metadata.json"))
                    .anyMatch(key -> key.endsWith("/it-iris/current"));
        }
    }

    @Test
    void everyObjectiveWithAndWithoutStandardisationTrainsSavesLoadsAndServes() {
        for (boolean standardize : new boolean[] { false, true }) {
            for (String objective : LinearTrainers.CLASSIFICATION_OBJECTIVES) {
                trainAndPredict("classification", objective, standardize, "s3://datasets/iris.csv", "species", SETOSA,
                        "predictions[0].label");
            }
            for (String objective : LinearTrainers.REGRESSION_OBJECTIVES) {
                trainAndPredict("regression", objective, standardize, "s3://datasets/diabetes.csv", "target", DIABETES_ROW,
                        "predictions[0].value");
            }
        }
    }

    private static void trainAndPredict(String task, String objective, boolean standardize, String data, String target,
            Map<String, Object> row, String answer) {
        String model = "it-" + objective + (standardize ? "-std" : "");
        TrainTest.train(Map.of("model", model, "task", task, "target", target, "data", Map.of("uri", data),
                "trainer", Map.of("objective", objective), "standardize", standardize));
        given().body(Map.of("model", model, "features", row)).contentType("application/json").post("/predict")
                .then().statusCode(200).body(answer, notNullValue());
    }
}
