package dev.modelfn.v2;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.modelfn.support.CsvRows;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/** The Open Inference Protocol v2 over REST, its answers compared with /predict's for the same rows. */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class V2RestTest {

    static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
    private static final List<String> IRIS = List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm");

    @Test
    void serverMetadataAndHealth() {
        given().get("/v2").then().statusCode(200).body("name", equalTo("modelfn"))
                .body("version", notNullValue()).body("extensions.size()", equalTo(0));
        given().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
        given().get("/v2/health/ready").then().statusCode(200).body("ready", equalTo(true));
    }

    @Test
    void modelMetadataListsOneInputPerFeatureAndTheOutputs() {
        JsonPath iris = given().get("/v2/models/iris").then().statusCode(200).extract().jsonPath(DOUBLES);
        assertThat(iris.getString("name")).isEqualTo("iris");
        assertThat(iris.getString("platform")).isEqualTo("tribuo");
        assertThat(iris.getList("versions", String.class)).contains(servedVersion("iris"));
        assertThat(iris.getList("inputs.name", String.class)).isEqualTo(IRIS);
        assertThat(iris.getList("inputs.datatype", String.class)).containsOnly("FP64");
        assertThat(iris.getList("outputs.name", String.class)).containsExactly("label", "probabilities");
        assertThat(iris.getList("outputs.datatype", String.class)).containsExactly("BYTES", "FP64");
        assertThat(iris.getList("outputs[1].shape", Integer.class)).containsExactly(-1, 3);
        assertThat(iris.getString("outputs[1].parameters.classes")).isEqualTo("setosa,versicolor,virginica");

        given().get("/v2/models/diabetes/versions/" + servedVersion("diabetes")).then().statusCode(200)
                .body("inputs.size()", equalTo(10)).body("outputs.name", equalTo(List.of("value")))
                .body("outputs[0].shape", equalTo(List.of(-1)));
        given().get("/v2/models/iris/ready").then().statusCode(200).body("name", equalTo("iris")).body("ready", equalTo(true));
        given().get("/v2/models/iris/versions/" + servedVersion("iris") + "/ready").then().statusCode(200)
                .body("ready", equalTo(true));
    }

    @Test
    void oneMatrixTensorAnswersAsPredictDoes() {
        List<Map<String, Object>> rows = CsvRows.load("iris.csv", "species").rows();
        JsonPath predict = predict("iris", rows);
        for (String datatype : List.of("FP64", "FP32")) {
            JsonPath v2 = infer("iris", Map.of("id", "batch-1", "inputs", List.of(matrix("input", datatype, rows, IRIS, false))))
                    .statusCode(200).extract().jsonPath(DOUBLES);
            assertThat(v2.getString("model_name")).isEqualTo("iris");
            assertThat(v2.getString("model_version")).isEqualTo(predict.getString("version"));
            assertThat(v2.getString("id")).isEqualTo("batch-1");
            assertSameClassification(predict, v2, rows.size());
        }
    }

    @Test
    void nestedDataAndIntegerTypesAreRowMajorToo() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of("sepal_length_cm", 5, "sepal_width_cm", 3, "petal_length_cm", 1, "petal_width_cm", 0));
        rows.add(Map.of("sepal_length_cm", 7, "sepal_width_cm", 3, "petal_length_cm", 6, "petal_width_cm", 2));
        JsonPath predict = predict("iris", rows);
        for (String datatype : List.of("INT32", "INT64", "FP64")) {
            JsonPath v2 = infer("iris", Map.of("inputs", List.of(matrix("x", datatype, rows, IRIS, true))))
                    .statusCode(200).extract().jsonPath(DOUBLES);
            assertSameClassification(predict, v2, rows.size());
        }
    }

    @Test
    void oneTensorPerFeatureInAnyOrderAndEitherShape() {
        List<Map<String, Object>> rows = CsvRows.load("diabetes.csv", "target").rows().subList(0, 40);
        List<String> features = new ArrayList<>(rows.get(0).keySet());
        java.util.Collections.reverse(features);
        JsonPath predict = predict("diabetes", rows);
        for (boolean column : List.of(false, true)) {
            List<Map<String, Object>> inputs = new ArrayList<>();
            for (String feature : features) {
                List<Object> data = rows.stream().map(r -> r.get(feature)).toList();
                List<Integer> shape = column ? List.of(rows.size(), 1) : List.of(rows.size());
                inputs.add(Map.of("name", feature, "datatype", "FP64", "shape", shape, "data", data,
                        "parameters", Map.of("content_type", "np")));
            }
            JsonPath v2 = infer("diabetes", Map.of("inputs", inputs, "parameters", Map.of("ignored", true)))
                    .statusCode(200).extract().jsonPath(DOUBLES);
            assertThat(v2.getList("outputs.name", String.class)).containsExactly("value");
            assertThat(v2.getList("outputs[0].shape", Integer.class)).containsExactly(rows.size());
            assertThat(v2.getString("outputs[0].datatype")).isEqualTo("FP64");
            assertThat(v2.getList("outputs[0].data", Double.class))
                    .containsExactlyElementsOf(predict.getList("predictions.value", Double.class));
        }
    }

    @Test
    void outputsSelectWhatIsAnsweredAndTheVersionPathPins() {
        List<Map<String, Object>> rows = CsvRows.load("iris.csv", "species").rows().subList(0, 3);
        String version = servedVersion("iris");
        JsonPath v2 = given().contentType("application/json")
                .body(Map.of("inputs", List.of(matrix("x", "FP64", rows, IRIS, false)), "outputs", List.of(Map.of("name", "label"))))
                .post("/v2/models/iris/versions/" + version + "/infer").then().statusCode(200).extract().jsonPath(DOUBLES);
        assertThat(v2.getList("outputs.name", String.class)).containsExactly("label");
        assertThat(v2.getString("outputs[0].datatype")).isEqualTo("BYTES");
        assertThat(v2.getList("outputs[0].data", String.class)).isEqualTo(predict("iris", rows).getList("predictions.label"));
        assertThat(v2.getString("id")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "length mismatch    | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,4],\"data\":[1,2,3]}]                           | 4 elements",
        "unknown datatype   | [{\"name\":\"x\",\"datatype\":\"FP128\",\"shape\":[1,4],\"data\":[1,2,3,4]}]                        | unknown datatype",
        "unsupported type   | [{\"name\":\"x\",\"datatype\":\"BOOL\",\"shape\":[1,4],\"data\":[true,false,true,true]}]         | FP32, FP64, INT32 or INT64",
        "BYTES matrix       | [{\"name\":\"x\",\"datatype\":\"BYTES\",\"shape\":[1,4],\"data\":[\"a\",\"b\",\"c\",\"d\"]}]         | one tensor per feature",
        "BYTES for numeric  | [{\"name\":\"sepal_length_cm\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"a\"]},{\"name\":\"sepal_width_cm\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[1]},{\"name\":\"petal_length_cm\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[1]},{\"name\":\"petal_width_cm\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[1]}] | a string, not a number",
        "wrong rank         | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[4],\"data\":[1,2,3,4]}]                            | [N, 4]",
        "wrong width        | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[2,2],\"data\":[1,2,3,4]}]                          | [N, 4]",
        "feature rank       | [{\"name\":\"sepal_length_cm\",\"datatype\":\"FP64\",\"shape\":[1,2],\"data\":[1,2]}]                | [N, 1]",
        "unknown feature    | [{\"name\":\"sepal_length_cm\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[1]},{\"name\":\"stem\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[1]}] | stem",
        "missing feature    | [{\"name\":\"sepal_length_cm\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[1]}]                    | lacks features",
        "rows differ        | [{\"name\":\"sepal_length_cm\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[1]},{\"name\":\"sepal_width_cm\",\"datatype\":\"FP64\",\"shape\":[2],\"data\":[1,2]}] | same rows",
        "non-finite FP64    | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,4],\"data\":[1,2,3,1e400]}]                      | finite FP64",
        "non-finite FP32    | [{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":[1,2,3,1e39]}]                       | finite FP32",
        "fraction for INT64 | [{\"name\":\"x\",\"datatype\":\"INT64\",\"shape\":[1,4],\"data\":[1,2,3,4.5]}]                      | INT64 integer",
        "string element     | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,4],\"data\":[1,2,3,\"4\"]}]                     | not a number",
        "negative shape     | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[-1,4],\"data\":[1,2,3,4]}]                         | negative",
        "no inputs          | []                                                                                          | no inputs",
        "empty batch        | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[0,4],\"data\":[]}]                                 | no rows",
        "no data            | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,4]}]                                             | needs 'data'",
        "shape not numbers  | [{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":\"1x4\",\"data\":[1,2,3,4]}]                        | inputs[0].shape",
    })
    void malformedRequestsAre400WithTheProtocolsErrorBody(String what, String inputs, String reason) {
        error(infer("iris", "{\"inputs\":" + inputs + "}"), 400, reason);
    }

    @Test
    void theExplainParameterAddsAnExplanationsTensorAsPredictExplains() throws Exception {
        List<Map<String, Object>> rows = CsvRows.load("iris.csv", "species").rows().subList(45, 60);
        List<Object> expected = explained("iris", rows, true);
        JsonPath v2 = infer("iris", Map.of("parameters", Map.of("explain", true),
                "inputs", List.of(matrix("input", "FP64", rows, IRIS, false))))
                .statusCode(200).extract().jsonPath(DOUBLES);
        assertThat(v2.getList("outputs.name", String.class)).containsExactly("label", "probabilities", "explanations");
        assertThat(v2.getString("outputs[2].datatype")).isEqualTo("BYTES");
        assertThat(v2.getList("outputs[2].shape", Integer.class)).containsExactly(rows.size());
        assertThat(jsonTexts(v2.getList("outputs[2].data", String.class))).isEqualTo(expected);

        List<Object> top = explained("iris", rows, Map.of("top", 2));
        JsonPath chosen = infer("iris", Map.of("parameters", Map.of("explain_top", 2), "outputs", List.of(Map.of("name", "label")),
                "inputs", List.of(matrix("input", "FP64", rows, IRIS, false))))
                .statusCode(200).extract().jsonPath(DOUBLES);
        assertThat(chosen.getList("outputs.name", String.class)).containsExactly("label", "explanations");
        assertThat(jsonTexts(chosen.getList("outputs[1].data", String.class))).isEqualTo(top);

        JsonPath off = infer("iris", Map.of("parameters", Map.of("explain", false, "other", "x"),
                "inputs", List.of(matrix("input", "FP64", rows, IRIS, false)))).statusCode(200).extract().jsonPath();
        assertThat(off.getList("outputs.name", String.class)).containsExactly("label", "probabilities");

        String one = ",\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,4],\"data\":[5.1,3.5,1.4,0.2]}]}";
        error(infer("iris", "{\"parameters\":{\"explain\":\"yes\"}" + one), 400, "'explain' must be a boolean");
        error(infer("iris", "{\"parameters\":{\"explain_top\":0}" + one), 400, "'explain_top' must be an integer");
        error(infer("iris", "{\"parameters\":{\"explain\":false,\"explain_top\":2}" + one), 400, "'explain': false");
    }

    /** Each row's explanations as /predict gives them. */
    static List<Object> explained(String model, List<Map<String, Object>> rows, Object explain) {
        return given().contentType("application/json").body(Map.of("model", model, "rows", rows, "explain", explain))
                .post("/predict").then().statusCode(200).extract().jsonPath(DOUBLES).getList("predictions.explanations");
    }

    static List<Object> jsonTexts(List<String> texts) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Object> parsed = new ArrayList<>();
        for (String text : texts) {
            parsed.add(json.readValue(text, Map.class));
        }
        return parsed;
    }

    @Test
    void otherRefusals() {
        String one = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,4],\"data\":[5.1,3.5,1.4,0.2]}]";
        error(infer("iris", one + ",\"outputs\":[{\"name\":\"petals\"}]}"), 400, "no output 'petals'");
        error(infer("iris", "{\"inputs\":["), 400, "not an inference request at inputs");
        error(infer("iris", "{nope"), 400, "not one valid JSON");
        error(infer("iris", ""), 400, "inference request");
        error(infer("tulip", one + "}"), 404, "tulip");
        error(given().contentType("application/json").body(one + "}").post("/v2/models/iris/versions/20200101T000000000Z-000000/infer")
                .then(), 404, "not 20200101T000000000Z-000000");
        error(given().get("/v2/models/tulip").then(), 404, "tulip");
        error(given().get("/v2/models/tulip/ready").then(), 404, "tulip");
        int n = 10_001;
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < n * 4; i++) {
            data.append(i == 0 ? "" : ",").append("1.5");
        }
        error(infer("iris", "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[" + n + ",4],\"data\":[" + data + "]}]}"),
                413, "at most 10000");
    }

    private static void error(ValidatableResponse response, int status, String reason) {
        response.statusCode(status).contentType("application/json").body("error", containsString(reason))
                .body("keySet()", equalTo(java.util.Set.of("error")));
    }

    static void assertSameClassification(JsonPath predict, JsonPath v2, int n) {
        assertThat(v2.getList("outputs.name", String.class)).containsExactly("label", "probabilities");
        assertThat(v2.getList("outputs[0].shape", Integer.class)).containsExactly(n);
        assertThat(v2.getList("outputs[0].data", String.class)).isEqualTo(predict.getList("predictions.label"));
        assertThat(v2.getList("outputs[1].shape", Integer.class)).containsExactly(n, 3);
        assertThat(v2.getString("outputs[1].parameters.classes")).isEqualTo("setosa,versicolor,virginica");
        List<Double> probabilities = v2.getList("outputs[1].data", Double.class);
        List<Map<String, Double>> scores = predict.getList("predictions.scores");
        for (int r = 0; r < n; r++) {
            List<String> classes = List.of("setosa", "versicolor", "virginica");
            for (int c = 0; c < 3; c++) {
                assertThat(probabilities.get(r * 3 + c)).as("row %d class %s", r, classes.get(c))
                        .isEqualTo(scores.get(r).get(classes.get(c)));
            }
        }
    }

    static Map<String, Object> matrix(String name, String datatype, List<Map<String, Object>> rows, List<String> columns,
            boolean nested) {
        List<Object> data = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> values = columns.stream().map(row::get).toList();
            if (nested) {
                data.add(values);
            } else {
                data.addAll(values);
            }
        }
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("name", name);
        tensor.put("datatype", datatype);
        tensor.put("shape", List.of(rows.size(), columns.size()));
        tensor.put("data", data);
        return tensor;
    }

    static JsonPath predict(String model, List<Map<String, Object>> rows) {
        return given().contentType("application/json").body(Map.of("model", model, "rows", rows))
                .post("/predict").then().statusCode(200).extract().jsonPath(DOUBLES);
    }

    private static ValidatableResponse infer(String model, Object body) {
        return given().contentType("application/json").body(body).post("/v2/models/" + model + "/infer").then();
    }

    static String servedVersion(String model) {
        List<Map<String, Object>> rows = CsvRows.load(model + ".csv", model.equals("iris") ? "species" : "target").rows();
        return predict(model, rows.subList(0, 1)).getString("version");
    }
}
