package dev.modelfn.onnx;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.modelfn.support.CsvRows;
import dev.modelfn.support.StoreFolderResource;
import dev.modelfn.support.StoreUri;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every model version downloads as ONNX, and ONNX Runtime agrees with /predict on whole datasets: the same labels,
 * probabilities, scores and values within 1e-4, for every objective the train function offers, standardised or
 * not, with missing values (NaN in ONNX, null in /predict) imputed the same way.
 */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class OnnxExportTest {

    private static final double TOLERANCE = 1e-4;
    private static OrtEnvironment ort;

    @BeforeAll
    static void startOnnxRuntime() {
        ort = OrtEnvironment.getEnvironment();
    }

    @Test
    void theDemoModelsAgreeWithPredict() throws Exception {
        agree("iris", CsvRows.load("iris.csv", "species"));
        agree("diabetes", CsvRows.load("diabetes.csv", "target"));
        train("cancer", "classification", "diagnosis", "file:breast_cancer.csv", "logistic", true);
        agree("cancer", CsvRows.load("breast_cancer.csv", "diagnosis"));
    }

    @Test
    void everyObjectiveStandardisedOrNotAgreesWithPredict() throws Exception {
        CsvRows iris = CsvRows.load("iris.csv", "species");
        CsvRows diabetes = CsvRows.load("diabetes.csv", "target");
        for (boolean standardize : List.of(true, false)) {
            for (String objective : List.of("logistic", "hinge")) {
                String model = "onnx-" + objective + "-" + standardize;
                train(model, "classification", "species", "file:iris.csv", objective, standardize);
                agree(model, iris);
            }
            for (String objective : List.of("squared", "huber", "absolute")) {
                String model = "onnx-" + objective + "-" + standardize;
                train(model, "regression", "target", "file:diabetes.csv", objective, standardize);
                agree(model, diabetes);
            }
        }
    }

    @Test
    void missingValuesAreImputedInsideTheGraphAsPredictDoes() throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/data/iris.csv"));
        List<String> lines = new ArrayList<>(csv.lines().toList());
        for (int i = 1; i < lines.size(); i += 7) {
            String[] cells = lines.get(i).split(",", -1);
            cells[i % 4] = "";
            lines.set(i, String.join(",", cells));
        }
        for (boolean standardize : List.of(true, false)) {
            String model = "onnx-missing-" + standardize;
            given().contentType("application/json").body(Map.of("model", model, "task", "classification",
                    "target", "species", "data", Map.of("csv", String.join("\n", lines)), "standardize", standardize,
                    "trainer", Map.of("epochs", 5)))
                    .post("/train").then().statusCode(200);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String feature : List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm")) {
                Map<String, Object> row = new HashMap<>(Map.of("sepal_length_cm", 6.1, "sepal_width_cm", 2.8,
                        "petal_length_cm", 4.7, "petal_width_cm", 1.2));
                row.put(feature, null);
                rows.add(row);
            }
            agree(model, rows);
        }
    }

    @Test
    void categoricalFeaturesAreIndicatorColumns() throws Exception {
        given().contentType("application/json").body(Map.of("model", "onnx-crm", "task", "classification",
                "target", "churned", "data", Map.of("uri", "file:crm_export.csv"),
                "columns", Map.of("customer_id", "ignore"), "trainer", Map.of("epochs", 5)))
                .post("/train").then().statusCode(200);
        List<Map<String, Object>> rows = new ArrayList<>();
        String text = Files.readString(Path.of("src/test/resources/data/crm_export.csv")).replace("\uFEFF", "");
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(text)) {
            for (NamedCsvRecord record : csv) {
                Map<String, Object> row = new HashMap<>();
                row.put("region", record.getField("region").isBlank() ? null : record.getField("region").trim());
                row.put("plan", record.getField("plan").isBlank() ? null : record.getField("plan").trim());
                for (String numeric : List.of("monthly_charges", "tenure_months", "support_calls")) {
                    String cell = record.getField(numeric).trim();
                    row.put(numeric, cell.isEmpty() ? null : Double.parseDouble(cell));
                }
                rows.add(row);
            }
        }
        Map<String, Object> unseen = new HashMap<>(rows.get(0));
        unseen.put("plan", "platinum");
        rows.add(unseen);
        assertThat(given().get("/describe?model=onnx-crm").then().extract().jsonPath().getList("onnx.features", String.class))
                .contains("plan=basic", "plan=enterprise", "plan=pro", "monthly_charges").doesNotContain("plan", "customer_id");
        agree("onnx-crm", rows);
    }

    @StoreUri
    String store;

    @Test
    void trainWritesModelOnnxWithItsChecksumAndServesTheSameBytes() throws Exception {
        String version = given().contentType("application/json").body(Map.of("model", "onnx-file",
                "task", "classification", "target", "species", "data", Map.of("uri", "file:iris.csv"),
                "trainer", Map.of("epochs", 5)))
                .post("/train").then().statusCode(200).extract().jsonPath().getString("version");
        Path folder = Path.of(java.net.URI.create(store)).resolve("onnx-file/versions/" + version);
        byte[] written = Files.readAllBytes(folder.resolve("model.onnx"));
        String sha256 = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(folder.resolve("metadata.json").toFile()).path("onnxSha256").asText();
        assertThat(sha256).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(written)));
        assertThat(given().get("/models/onnx-file/versions/" + version + "/onnx").then().statusCode(200)
                .extract().asByteArray()).isEqualTo(written);
        // a version saved before train wrote model.onnx (the demo models) is exported from the loaded model
        assertThat(Files.exists(Path.of(java.net.URI.create(store)).resolve("iris/versions")
                .resolve(given().get("/describe?model=iris").then().extract().jsonPath().getString("metadata.version"))
                .resolve("model.onnx"))).isFalse();
        agree("iris", CsvRows.load("iris.csv", "species"));
    }

    @Test
    void anyVersionDownloadsAndUnknownOnesAreProblems() throws Exception {
        String version = given().contentType("application/json").body(Map.of("model", "onnx-versions",
                "task", "classification", "target", "species", "data", Map.of("uri", "file:iris.csv"), "promote", false,
                "trainer", Map.of("epochs", 5)))
                .post("/train").then().statusCode(200).extract().jsonPath().getString("version");
        train("onnx-versions", "classification", "species", "file:iris.csv", "hinge", true);
        byte[] older = given().get("/models/onnx-versions/versions/" + version + "/onnx").then().statusCode(200)
                .header("Content-Type", "application/octet-stream").header("Modelfn-Version", version)
                .extract().asByteArray();
        byte[] current = given().get("/models/onnx-versions/onnx").then().statusCode(200).extract().asByteArray();
        assertThat(older).isNotEqualTo(current);
        given().contentType("application/json").body(Map.of("model", "onnx-versions", "version", version))
                .post("/promote").then().statusCode(200);
        assertThat(given().get("/models/onnx-versions/onnx").then().extract().asByteArray()).isEqualTo(older);
        agree("onnx-versions", CsvRows.load("iris.csv", "species"));

        given().get("/models/no-such-model/onnx").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:modelfn:problem:unknown-model"));
        given().get("/models/iris/versions/19990101T000000000Z-000000/onnx").then().statusCode(404)
                .body("type", equalTo("urn:modelfn:problem:unknown-version"));
        given().get("/models/Bad Name!/onnx").then().statusCode(400)
                .body("type", equalTo("urn:modelfn:problem:invalid-model-name"));
    }

    private static void agree(String model, CsvRows csv) throws Exception {
        agree(model, csv.rows());
    }

    /** ONNX Runtime on the downloaded model and /predict on the same rows give the same answers. */
    private static void agree(String model, List<Map<String, Object>> rows) throws Exception {
        JsonPath described = given().get("/describe?model=" + model).then().statusCode(200).extract().jsonPath();
        List<String> features = described.getList("onnx.features", String.class);
        List<String> outputs = described.getList("onnx.outputs", String.class);
        // a categorical feature's columns are its indicators, feature=category: 1 for the row's category
        Map<String, List<String>> indicators = new HashMap<>();
        Map<String, List<String>> categories = described.getMap("metadata.categories");
        if (categories != null) {
            categories.forEach((feature, values) -> values.forEach(category ->
                    indicators.put(feature + "=" + category, List.of(feature, category))));
        }
        float[][] input = new float[rows.size()][features.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int f = 0; f < features.size(); f++) {
                List<String> indicator = indicators.get(features.get(f));
                if (indicator != null) {
                    input[r][f] = indicator.get(1).equals(rows.get(r).get(indicator.get(0))) ? 1f : 0f;
                } else {
                    Object value = rows.get(r).get(features.get(f));
                    input[r][f] = value == null ? Float.NaN : ((Number) value).floatValue();
                }
            }
        }
        float[][] onnx = run(given().get("/models/" + model + "/onnx").then().statusCode(200).extract().asByteArray(),
                described.getString("onnx.input"), input);
        JsonPath predicted = given().contentType("application/json").body(Map.of("model", model, "rows", rows))
                .post("/predict").then().statusCode(200).extract().jsonPath();
        boolean classification = "classification".equals(described.getString("metadata.task"));
        for (int r = 0; r < rows.size(); r++) {
            String at = model + " row " + r;
            if (classification) {
                int best = 0;
                for (int k = 0; k < outputs.size(); k++) {
                    double expected = predicted.getDouble("predictions[" + r + "].scores['" + outputs.get(k) + "']");
                    assertThat((double) onnx[r][k]).as(at + " " + outputs.get(k)).isCloseTo(expected, within(expected));
                    best = onnx[r][k] > onnx[r][best] ? k : best;
                }
                assertThat(outputs.get(best)).as(at + " label").isEqualTo(predicted.getString("predictions[" + r + "].label"));
            } else {
                double expected = predicted.getDouble("predictions[" + r + "].value");
                assertThat((double) onnx[r][0]).as(at).isCloseTo(expected, within(expected));
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double expected) {
        return org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1.0, Math.abs(expected)));
    }

    private static float[][] run(byte[] model, String inputName, float[][] input) throws OrtException {
        try (OrtSession session = ort.createSession(model, new OrtSession.SessionOptions());
                OnnxTensor tensor = OnnxTensor.createTensor(ort, input);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            return (float[][]) result.get(0).getValue();
        }
    }

    private static void train(String model, String task, String target, String uri, String objective, boolean standardize) {
        given().contentType("application/json").body(Map.of("model", model, "task", task, "target", target,
                "data", Map.of("uri", uri), "standardize", standardize, "trainer", Map.of("objective", objective, "epochs", 5)))
                .post("/train").then().statusCode(200);
    }
}
