package dev.modelfn.train;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.metrics.ModelMetrics;
import dev.modelfn.model.FeaturePolicy;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.model.ClassPrediction;
import dev.modelfn.model.ServableModel;
import dev.modelfn.registry.VersionLoader;
import dev.modelfn.store.ModelStore;
import dev.modelfn.store.S3BlobStore;
import dev.modelfn.support.CsvRows;
import dev.modelfn.support.S3StoreResource;
import dev.modelfn.support.S3TestServer;
import dev.modelfn.support.StoreUri;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

@QuarkusTest
@WithTestResource(value = S3StoreResource.class, initArgs = @ResourceArg(name = "seed", value = "true"))
class TrainTest {

    @StoreUri
    String storeUri;

    @Test
    void trainsBreastCancerFromS3AndServesItAtOnce() {
        JsonPath result = train(Map.of("model", "cancer", "task", "classification", "target", "diagnosis",
                "data", Map.of("uri", "s3://datasets/breast_cancer.csv")));
        assertThat(result.getFloat("metrics.accuracy")).isGreaterThanOrEqualTo(0.94f);
        assertThat(result.getString("metrics.evaluatedOn")).isEqualTo("holdout");
        assertThat(result.getInt("trainRows") + result.getInt("testRows")).isEqualTo(569);
        assertThat(result.getInt("testRows")).isBetween(113, 114);
        assertThat(result.getList("features")).hasSize(30).startsWith("mean_radius");
        assertThat(result.getFloat("metrics.rocAuc")).isGreaterThan(0.95f);
        assertThat(result.getFloat("metrics.logLoss")).isPositive();
        assertThat(result.getList("metrics.confusion.labels")).containsExactly("benign", "malignant");
        assertThat(result.getBoolean("promoted")).isTrue();
        String version = result.getString("version");

        Map<String, Object> row = CsvRows.load("breast_cancer.csv", "diagnosis").rows().get(0);
        given().body(Map.of("model", "cancer", "features", row)).contentType("application/json").post("/predict")
                .then().statusCode(200)
                .body("version", equalTo(version))
                .body("predictions[0].label", equalTo("malignant"));
    }

    @Test
    void writesVersionAndPointerToObjectStoreInTheLayout() {
        String version = train(Map.of("model", "layout", "task", "classification", "target", "species",
                "data", Map.of("uri", "s3://datasets/iris.csv"))).getString("version");
        String prefix = storeUri.substring(("s3://" + S3StoreResource.MODELS_BUCKET + "/").length()) + "/layout/";
        try (S3Client s3 = S3TestServer.client()) {
            List<String> keys = s3.listObjectsV2(b -> b.bucket(S3StoreResource.MODELS_BUCKET).prefix(prefix))
                    .contents().stream().map(S3Object::key).toList();
            assertThat(keys).hasSize(5).contains(prefix + "current", prefix + "versions/" + version + "/model.tribuo",
                    prefix + "versions/" + version + "/model.onnx", prefix + "versions/" + version + "/metadata.json");
            assertThat(keys).anyMatch(key -> key.startsWith(prefix + "history/"));
            String current = s3.getObjectAsBytes(b -> b.bucket(S3StoreResource.MODELS_BUCKET).key(prefix + "current"))
                    .asUtf8String().trim();
            assertThat(current).isEqualTo(version);
        }
    }

    @Test
    void aFreshInstanceOnTheSameBucketLoadsAndServesTheTrainedModel() throws Exception {
        String version = train(Map.of("model", "fresh", "task", "classification", "target", "species",
                "data", Map.of("uri", "s3://datasets/iris.csv"))).getString("version");
        Map<String, Object> row = CsvRows.load("iris.csv", "species").rows().get(60);
        Map<String, Float> served = given().body(Map.of("model", "fresh", "features", row)).contentType("application/json")
                .post("/predict").then().statusCode(200).extract().jsonPath().getMap("predictions[0].scores");

        String prefix = storeUri.substring(("s3://" + S3StoreResource.MODELS_BUCKET + "/").length()) + "/";
        try (S3Client s3 = S3TestServer.client()) {
            ModelStore store = new ModelStore(new S3BlobStore(() -> s3, S3StoreResource.MODELS_BUCKET, prefix), new ObjectMapper());
            ServableModel loaded = new VersionLoader(store, new ModelMetrics(new SimpleMeterRegistry())).loadCurrent("fresh");
            assertThat(loaded.version()).isEqualTo(version);
            FeatureRow features = new FeatureRow();
            row.forEach((name, value) -> features.add(name, ((Number) value).doubleValue()));
            ClassPrediction prediction = (ClassPrediction) loaded.predict(List.of(features), FeaturePolicy.STRICT).get(0);
            prediction.scores().forEach((label, score) -> assertThat(score.floatValue()).isEqualTo(served.get(label)));
        }
    }

    @Test
    void trainsIrisFromInlineCsv() throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/data/iris.csv"));
        JsonPath result = train(Map.of("model", "iris-inline", "task", "classification", "target", "species",
                "data", Map.of("csv", csv), "holdout", 0.3));
        assertThat(result.getFloat("metrics.accuracy")).isGreaterThanOrEqualTo(0.90f);
        assertThat(result.getInt("testRows")).isEqualTo(45);
        assertThat(result.getMap("metrics.perClass")).containsOnlyKeys("setosa", "versicolor", "virginica");
    }

    @Test
    void trainsDiabetesRegressionFromInlineRows() {
        CsvRows diabetes = CsvRows.load("diabetes.csv", "target");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < diabetes.rows().size(); i++) {
            Map<String, Object> row = new java.util.LinkedHashMap<>(diabetes.rows().get(i));
            row.put("target", diabetes.numericTargets().get(i));
            rows.add(row);
        }
        JsonPath result = train(Map.of("model", "diabetes-inline", "task", "regression", "target", "target",
                "data", Map.of("rows", rows)));
        assertThat(result.getFloat("metrics.r2")).isGreaterThanOrEqualTo(0.35f);
        assertThat(result.getFloat("metrics.rmse")).isPositive();
        assertThat(result.getString("task")).isEqualTo("regression");
        given().body(Map.of("model", "diabetes-inline", "features", diabetes.rows().get(0)))
                .contentType("application/json").post("/predict")
                .then().statusCode(200).body("predictions[0].value", notNullValue());
    }

    @Test
    void trainsFromTheDataFolder() {
        train(Map.of("model", "iris-file", "task", "classification", "target", "species",
                "data", Map.of("uri", "file:iris.csv"), "trainer", Map.of("optimizer", "sgd", "learningRate", 0.1,
                        "schedule", "sqrt-decay", "momentum", "nesterov", "epochs", 30)));
    }

    @Test
    void holdoutZeroReportsTrainingMetricsLabelledAsSuch() {
        JsonPath result = train(Map.of("model", "iris-all", "task", "classification", "target", "species",
                "data", Map.of("uri", "s3://datasets/iris.csv"), "holdout", 0));
        assertThat(result.getString("metrics.evaluatedOn")).isEqualTo("training");
        assertThat(result.getInt("testRows")).isZero();
        assertThat(result.getInt("trainRows")).isEqualTo(150);
    }

    @Test
    void theSameSeedGivesTheSameModelAndSplit() {
        Map<String, Object> request = Map.of("model", "seeded", "task", "classification", "target", "species",
                "data", Map.of("uri", "s3://datasets/iris.csv"), "trainer", Map.of("seed", 7), "promote", false);
        Map<String, Object> first = train(request).getMap("metrics");
        Map<String, Object> second = train(request).getMap("metrics");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void withoutPromoteTheNewVersionIsWrittenButNotServed() {
        String version = train(Map.of("model", "quiet", "task", "classification", "target", "species",
                "data", Map.of("uri", "s3://datasets/iris.csv"), "promote", false))
                .getString("version");
        given().get("/models?model=quiet").then().statusCode(200)
                .body("models[0].version", nullValue())
                .body("models[0].current", nullValue())
                .body("models[0].versions[0].version", equalTo(version));
        given().body(Map.of("model", "quiet", "features", CsvRows.load("iris.csv", "species").rows().get(0)))
                .contentType("application/json").post("/predict").then().statusCode(404);
    }

    @Test
    void hingeLossGivesRawScoresAndNoProbabilityMetrics() {
        JsonPath result = train(Map.of("model", "svm", "task", "classification", "target", "diagnosis",
                "data", Map.of("uri", "s3://datasets/breast_cancer.csv"), "trainer", Map.of("objective", "hinge")));
        assertThat(result.getFloat("metrics.accuracy")).isGreaterThanOrEqualTo(0.90f);
        assertThat(result.getString("metrics.logLoss")).isNull();
        given().get("/models?model=svm").then().statusCode(200)
                .body("models[0].scores", equalTo("raw"))
                .body("models[0].metrics.rocAuc", nullValue());
    }

    @Test
    void everyOptimizerTrainsAModelThatServes() {
        for (String optimizer : LinearTrainers.OPTIMIZERS) {
            given().body(Map.of("model", "opt-" + optimizer, "task", "classification", "target", "species",
                    "data", Map.of("uri", "s3://datasets/iris.csv"), "trainer", Map.of("optimizer", optimizer)))
                    .contentType("application/json").post("/train")
                    .then().statusCode(200).body("metrics.accuracy", greaterThanOrEqualTo(0.6f));
        }
        given().get("/models").then().statusCode(200)
                .body("models.findAll { it.name.startsWith('opt-') }", hasSize(LinearTrainers.OPTIMIZERS.size()));
    }

    static JsonPath train(Map<String, Object> request) {
        return given().body(request).contentType("application/json")
                .when().post("/train")
                .then().statusCode(200)
                .body("model", equalTo(request.get("model")))
                .body("version", notNullValue())
                .extract().jsonPath();
    }
}
