package dev.modelfn.predict;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class PredictBadInputTest {

    private static final String IRIS_ROW = "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";

    @AfterEach
    void functionStillServes() {
        given().body("{\"model\":\"iris\",\"features\":" + IRIS_ROW + "}").contentType("application/json")
                .when().post("/predict")
                .then().statusCode(200).body("predictions[0].label", equalTo("setosa"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/predict", "/predict?model=iris&features.sepal_length_cm=5.1", "/predict?model=iris"})
    void getPredictIs405SayingToPost(String target) {
        given().get(target).then().statusCode(405)
                .header("Allow", "POST")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:method-not-allowed"))
                .body("status", equalTo(405))
                .body("detail", containsString("POST /predict"));
    }

    @ParameterizedTest
    @CsvSource({"PUT,/models", "DELETE,/train", "PATCH,/promote", "PUT,/predict"})
    void otherMethodsAre405NamingGetAndPost(String method, String path) {
        given().contentType("application/json").body("{}").request(method, path).then().statusCode(405)
                .header("Allow", "GET, POST")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:method-not-allowed"))
                .body("detail", containsString(method + " is not served"));
    }

    @Test
    void predictRejectsMalformedJson() {
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1", 400, "malformed-json")
                .body("detail", containsString("line 1"));
    }

    @Test
    void predictRejectsABodyThatIsNotAnObject() {
        expectProblem("/predict", "[1,2,3]", 400, "not-an-object");
    }

    @Test
    void predictRejectsAnEmptyBody() {
        expectProblem("/predict", "", 400, "empty-body");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"5.1\"", "null", "NaN", "Infinity", "-Infinity", "1e999", "true", "{}", "[1]" })
    void predictRejectsValuesThatAreNotFiniteNumbers(String value) {
        String row = IRIS_ROW.replace("5.1", value);
        expectProblem("/predict", "{\"model\":\"iris\",\"rows\":[" + IRIS_ROW + "," + row + "]}", 400, "invalid-feature-value")
                .body("row", equalTo(1))
                .body("feature", equalTo("sepal_length_cm"))
                .body("detail", containsString("Row 1, feature 'sepal_length_cm'"));
    }

    @Test
    void predictRejectsUnknownFeaturesListingThem() {
        String row = IRIS_ROW.replace("}", ",\"colour\":1,\"smell\":2}");
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":" + row + "}", 400, "unknown-features")
                .body("features", hasItems("colour", "smell"))
                .body("row", equalTo(0));
    }

    @Test
    void predictRejectsMissingFeaturesListingThem() {
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5}}",
                400, "missing-features")
                .body("features", hasItems("petal_length_cm", "petal_width_cm"));
    }

    @Test
    void predictRejectsADuplicateFeature() {
        String row = IRIS_ROW.replace("}", ",\"sepal_length_cm\":6.0}");
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":" + row + "}", 400, "duplicate-feature")
                .body("feature", equalTo("sepal_length_cm"));
    }

    @Test
    void predictAnswers404ForAnUnknownModel() {
        expectProblem("/predict", "{\"model\":\"tulip\",\"features\":" + IRIS_ROW + "}", 404, "unknown-model")
                .body("detail", containsString("iris"));
    }

    @Test
    void predictAnswers404ForAVersionThatIsNotLoaded() {
        expectProblem("/predict", "{\"model\":\"iris\",\"version\":\"19990101T000000000Z-000000\",\"features\":"
                + IRIS_ROW + "}", 404, "unknown-version");
    }

    @Test
    void predictNeedsFeaturesOrRows() {
        expectProblem("/predict", "{\"model\":\"iris\"}", 400, "missing-rows");
    }

    @Test
    void predictRefusesFeaturesAndRowsTogether() {
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":" + IRIS_ROW + ",\"rows\":[" + IRIS_ROW + "]}",
                400, "ambiguous-rows");
    }

    @Test
    void predictRefusesAnEmptyBatch() {
        expectProblem("/predict", "{\"model\":\"iris\",\"rows\":[]}", 400, "empty-batch");
    }

    @Test
    void predictRefusesUnknownFields() {
        expectProblem("/predict", "{\"model\":\"iris\",\"feature\":" + IRIS_ROW + "}", 400, "unknown-field");
    }

    @Test
    void predictRefusesAModelThatIsNotAString() {
        expectProblem("/predict", "{\"model\":7,\"features\":" + IRIS_ROW + "}", 400, "wrong-type");
    }

    @Test
    void predictRefusesRowsThatAreNotObjects() {
        expectProblem("/predict", "{\"model\":\"iris\",\"rows\":[" + IRIS_ROW + ",[1,2]]}", 400, "wrong-type")
                .body("detail", containsString("rows[1]"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "../iris", "iris/../diabetes", "/etc/passwd", ".hidden", "a\\\\b", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    void predictRefusesModelNamesThatCouldLeaveTheStore(String name) {
        String body = "{\"model\":\"" + name + "\",\"features\":" + IRIS_ROW + "}";
        expectProblem("/predict", body, 400, name.isEmpty() ? "missing-model" : "invalid-model-name");
    }

    @Test
    void predictRefusesPathLikeVersions() {
        expectProblem("/predict", "{\"model\":\"iris\",\"version\":\"../../etc\",\"features\":" + IRIS_ROW + "}",
                400, "invalid-version-name");
    }

    @Test
    void predictAnswers413ForMoreRowsThanAllowed() throws JsonProcessingException {
        String body = new ObjectMapper().writeValueAsString(Map.of("model", "iris",
                "rows", Collections.nCopies(10_001, Map.of("sepal_length_cm", 5.1, "sepal_width_cm", 3.5,
                        "petal_length_cm", 1.4, "petal_width_cm", 0.2))));
        expectProblem("/predict", body, 413, "too-many-rows").body("maxRows", equalTo(10_000));
    }

    @Test
    void predictAnswers413ForABodyOverTheHttpLimit() {
        String body = "{\"model\":\"iris\",\"rows\":[" + String.join(",", Collections.nCopies(120_000, IRIS_ROW)) + "]}";
        expectProblem("/predict", body, 413, "body-too-large");
    }

    @Test
    void predictRejectsDeepNesting() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":" + deep + "}}", 400,
                "invalid-feature-value");
        expectProblem("/predict", "{\"model\":\"iris\",\"extra\":" + deep + "}", 400, "unknown-field");
    }

    @Test
    void errorsAreProblemJsonEvenForUnreadableBodiesOfOtherFunctions() {
        given().body("{not json").contentType("application/json")
                .when().post("/models")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:malformed-request"));
    }

    @Test
    void knownGoodBatchStillAnswersAfterBadOnes() {
        given().body("{\"model\":\"iris\",\"rows\":" + List.of(IRIS_ROW, IRIS_ROW) + "}").contentType("application/json")
                .when().post("/predict")
                .then().statusCode(200).body("predictions.label", hasItems("setosa"));
    }
}
