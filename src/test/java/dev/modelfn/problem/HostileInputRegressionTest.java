package dev.modelfn.problem;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** One test for each kind of hostile request the fuzz test (dev.modelfn.fuzz) found answered wrongly. */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class HostileInputRegressionTest {

    /** Sends a body declared as a form as it is, the way a careless client would. */
    private static final RestAssuredConfig TEXT_FORMS = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
            .encodeContentTypeAs("multipart/form-data", ContentType.TEXT));
    private static final String ROW = "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";
    private static final String TRAIN = "{\"model\":\"ghost\",\"task\":\"classification\",\"target\":\"species\","
            + "\"data\":{\"uri\":\"%s\"},\"promote\":false}";

    @Test
    void predictRefusesDataAfterTheBody() {
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":" + ROW + "}{\"model\":\"diabetes\"}", 400,
                "malformed-json");
    }

    @Test
    void predictEventRefusesDataAfterTheBody() {
        binaryEvent("modelfn.predict", "{\"model\":\"iris\",\"features\":" + ROW + "} x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:malformed-json"));
    }

    @Test
    void trainRefusesDataAfterTheBody() {
        expectProblem("/train", TRAIN.formatted("file:iris.csv") + "{}", 400, "malformed-json");
    }

    @Test
    void predictRefusesAFieldGivenTwice() {
        expectProblem("/predict", "{\"model\":\"tulip\",\"model\":\"iris\",\"features\":" + ROW + "}", 400,
                "duplicate-field").body("detail", equalTo("Field 'model' appears twice; send it once."));
    }

    @Test
    void trainRefusesAFieldGivenTwice() {
        String body = TRAIN.formatted("file:iris.csv").replace("{\"model\":\"ghost\"", "{\"model\":\"ghost\",\"model\":\"x\"");
        expectProblem("/train", body, 400, "duplicate-field");
    }

    @Test
    void lifecycleRefusesDataAfterTheBody() {
        expectProblem("/reload", "{}{\"model\":\"ghost\"}", 400, "malformed-json");
        expectProblem("/reload", "{}model\":\"ghost\"}", 400, "malformed-json");
    }

    @Test
    void lifecycleRefusesAFieldGivenTwice() {
        expectProblem("/describe", "{\"model\":\"ghost\",\"model\":\"iris\"}", 400, "malformed-request");
    }

    @Test
    void formBodiesAreReadAsJson() {
        given().config(TEXT_FORMS).body("{\"model\":\"%\"}").contentType("application/x-www-form-urlencoded")
                .when().post("/reload")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:invalid-model-name"));
        given().config(TEXT_FORMS).body("{\"model\":\"ghost\"}").contentType("multipart/form-data; boundary=x")
                .when().post("/models")
                .then().statusCode(404).body("type", equalTo("urn:modelfn:problem:unknown-model"));
    }

    @Test
    void eventDataOfTheWrongShapeIsRefused() {
        binaryEvent("modelfn.model.promoted", "\"iris\"")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:malformed-request"));
        binaryEvent("modelfn.model.promoted", "{\"model\":" + "[".repeat(2000) + "]".repeat(2000) + "}")
                .then().statusCode(400).body("type", equalTo("urn:modelfn:problem:malformed-request"));
    }

    @Test
    void trainRefusesDataLocationsThatAreNoFile() {
        expectProblem("/train", TRAIN.formatted("file:missing\\u0000.csv"), 400, "invalid-uri");
        expectProblem("/train", TRAIN.formatted("file:"), 400, "invalid-uri");
    }

    private static Response binaryEvent(String type, String data) {
        return given().header("ce-id", "regression").header("ce-specversion", "1.0").header("ce-type", type)
                .header("ce-source", "/tests").contentType("application/json").body(data).post("/");
    }
}
