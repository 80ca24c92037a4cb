package dev.modelfn.train;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.metrics.ModelMetrics;
import dev.modelfn.model.ClassPrediction;
import dev.modelfn.model.FeaturePolicy;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.model.PredictionResult;
import dev.modelfn.model.RegressionPrediction;
import dev.modelfn.model.ServableModel;
import dev.modelfn.registry.VersionLoader;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.store.ModelStore;
import dev.modelfn.support.AuthOffResource;
import dev.modelfn.support.CsvRows;
import dev.modelfn.support.StoreFolderResource;
import dev.modelfn.support.StoreUri;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application (jar, or native executable with {@code -Dnative}) trains the same model as
 * the train path run in the test's own JVM for the same request and seed: the same predictions for every
 * row, the same trainer and dataset provenance in the saved file, and a file of the same size but for the
 * training's timestamps. A native image that silently loses reflective access to Tribuo's configuration
 * saves models without parts of that provenance, and smaller files.
 */
@QuarkusIntegrationTest
@WithTestResource(StoreFolderResource.class)
@WithTestResource(AuthOffResource.class)
class SameModelIT {

    /** Timestamps in the file differ in length by a few bytes with their fractional seconds. */
    private static final int SIZE_TOLERANCE = 64;
    private static final double TOLERANCE = 1e-12;

    private final ObjectMapper json = new ObjectMapper();

    @StoreUri
    String storeUri;

    @TempDir
    Path jvmStore;

    @Test
    void aClassifierTrainedInTheApplicationIsTheOneTheJvmTrains() throws Exception {
        String name = "same-iris";
        String request = request(name, "classification", "species", "iris.csv",
                Map.of("seed", 11, "epochs", 8));
        Trained trained = trainBoth(name, request);
        CsvRows iris = CsvRows.load("iris.csv", "species");
        JsonNode served = predict(name, trained.appVersion(), iris.rows());
        List<PredictionResult> expected = trained.jvmModel().predict(featureRows(iris.rows()), FeaturePolicy.STRICT);
        for (int i = 0; i < expected.size(); i++) {
            ClassPrediction jvm = (ClassPrediction) expected.get(i);
            JsonNode app = served.get(i);
            assertThat(app.path("label").asText()).as("row %d", i).isEqualTo(jvm.label());
            assertThat(app.path("scores").size()).isEqualTo(jvm.scores().size());
            for (Map.Entry<String, Double> score : jvm.scores().entrySet()) {
                assertThat(app.path("scores").path(score.getKey()).asDouble()).as("row %d, %s", i, score.getKey())
                        .isCloseTo(score.getValue(), within(TOLERANCE));
            }
        }
        assertSameFile(trained, 11);
    }

    @Test
    void aRegressorTrainedInTheApplicationIsTheOneTheJvmTrains() throws Exception {
        String name = "same-diabetes";
        String request = request(name, "regression", "target", "diabetes.csv",
                Map.of("seed", 5, "objective", "huber", "optimizer", "sgd", "momentum", "nesterov", "learningRate", 0.01));
        Trained trained = trainBoth(name, request);
        CsvRows diabetes = CsvRows.load("diabetes.csv", "target");
        JsonNode served = predict(name, trained.appVersion(), diabetes.rows());
        List<PredictionResult> expected = trained.jvmModel().predict(featureRows(diabetes.rows()), FeaturePolicy.STRICT);
        for (int i = 0; i < expected.size(); i++) {
            double jvm = ((RegressionPrediction) expected.get(i)).value();
            assertThat(served.get(i).path("value").asDouble()).as("row %d", i)
                    .isCloseTo(jvm, within(TOLERANCE * Math.max(1, Math.abs(jvm))));
        }
        assertSameFile(trained, 5);
    }

    private record Trained(String name, String appVersion, String jvmVersion, ServableModel jvmModel) {
    }

    /** The request's model trained by the application over HTTP, then by the JVM from the same JSON text. */
    private Trained trainBoth(String name, String request) throws Exception {
        String appVersion = given().body(request).contentType("application/json").post("/train")
                .then().statusCode(200).extract().path("version");
        TrainResult jvm = JvmTraining.on(jvmStore, Path.of("src/test/resources/data"))
                .train(json.readValue(request, TrainInput.class));
        ModelStore store = new ModelStore(new LocalBlobStore(jvmStore), json);
        ServableModel loaded = new VersionLoader(store, new ModelMetrics(new SimpleMeterRegistry())).loadCurrent(name);
        return new Trained(name, appVersion, jvm.version(), loaded);
    }

    private void assertSameFile(Trained trained, int seed) throws IOException {
        byte[] app = Files.readAllBytes(versionFile(Path.of(URI.create(storeUri)), trained.name(), trained.appVersion()));
        byte[] jvm = Files.readAllBytes(versionFile(jvmStore, trained.name(), trained.jvmVersion()));
        Model<?> appModel = Model.deserialize(ModelProto.parseFrom(app));
        Model<?> jvmModel = Model.deserialize(ModelProto.parseFrom(jvm));
        // the trainer's configured fields, read by reflection when the model is saved, are in the file
        assertThat(ProvenanceEntries.of(appModel)).containsEntry("trainer/innerTrainer/seed", Integer.toString(seed))
                .isEqualTo(ProvenanceEntries.of(jvmModel));
        assertThat(app.length).as("bytes of the saved model").isCloseTo(jvm.length, within(SIZE_TOLERANCE));
    }

    private static Path versionFile(Path store, String model, String version) {
        return store.resolve(model).resolve("versions").resolve(version).resolve("model.tribuo");
    }

    /** The served version's answers for {@code rows}, numbers as the JSON text has them (full doubles). */
    private JsonNode predict(String model, String version, List<Map<String, Object>> rows) throws IOException {
        String answer = given().body(json.writeValueAsString(Map.of("model", model, "version", version, "rows", rows)))
                .contentType("application/json").post("/predict")
                .then().statusCode(200).extract().asString();
        JsonNode predictions = json.readTree(answer).path("predictions");
        assertThat(predictions.size()).isEqualTo(rows.size());
        return predictions;
    }

    private static List<FeatureRow> featureRows(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            FeatureRow features = new FeatureRow();
            row.forEach((name, value) -> features.add(name, ((Number) value).doubleValue()));
            return features;
        }).toList();
    }

    /** A train request with the dataset inline as CSV text, so both trainings read the very same bytes. */
    private String request(String model, String task, String target, String dataset, Map<String, Object> trainer)
            throws IOException {
        String csv = Files.readString(Path.of("src/test/resources/data", dataset));
        return json.writeValueAsString(Map.of("model", model, "task", task, "target", target,
                "data", Map.of("csv", csv), "trainer", trainer));
    }
}
