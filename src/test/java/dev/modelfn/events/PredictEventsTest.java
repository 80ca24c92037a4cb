package dev.modelfn.events;

import static io.restassured.RestAssured.given;
import static dev.modelfn.events.TestEvents.binary;
import static dev.modelfn.events.TestEvents.ce;
import static dev.modelfn.events.TestEvents.event;
import static dev.modelfn.events.TestEvents.structured;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class PredictEventsTest {

    private static final String SETOSA = "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";
    private static final String IRIS_REQUEST = "{\"model\":\"iris\",\"features\":" + SETOSA + "}";

    @Test
    void binaryPredictEventIsAnsweredWithAPredictionEvent() {
        binary("modelfn.predict", "req-1", IRIS_REQUEST)
                .then().statusCode(200)
                .contentType("application/json")
                .header("ce-type", "modelfn.prediction")
                .header("ce-source", "modelfn")
                .header("ce-specversion", "1.0")
                .header("ce-requestid", "req-1")
                .header("ce-subject", "iris")
                .header("ce-id", notNullValue())
                .body("model", equalTo("iris"))
                .body("predictions[0].label", equalTo("setosa"));
    }

    @Test
    void structuredPredictEventIsAnsweredWithAStructuredPredictionEvent() {
        structured(event("modelfn.predict", "req-2", IRIS_REQUEST))
                .then().statusCode(200)
                .contentType("application/cloudevents+json")
                .body("type", equalTo("modelfn.prediction"))
                .body("source", equalTo("modelfn"))
                .body("specversion", equalTo("1.0"))
                .body("requestid", equalTo("req-2"))
                .body("subject", equalTo("iris"))
                .body("id", notNullValue())
                .body("data.model", equalTo("iris"))
                .body("data.predictions", hasSize(1))
                .body("data.predictions[0].label", equalTo("setosa"));
    }

    @Test
    void badInputInABinaryEventIsA400Problem() {
        ValidatableResponse answer = problem(binary("modelfn.predict", "req-3",
                IRIS_REQUEST.replace("5.1", "\"5.1\"")), 400, "invalid-feature-value");
        answer.header("ce-type", nullValue()).body("feature", equalTo("sepal_length_cm"));
    }

    @Test
    void unknownModelInAStructuredEventIsA404Problem() {
        problem(structured(event("modelfn.predict", "req-4", IRIS_REQUEST.replace("iris", "nope"))), 404,
                "unknown-model");
    }

    @Test
    void unmappedTypeIsA400Problem() {
        problem(binary("predict", "req-5", IRIS_REQUEST), 400, "unknown-event-type")
                .body("types", hasItem("modelfn.predict"));
        problem(structured(event("com.example.other", "req-6", IRIS_REQUEST)), 400, "unknown-event-type");
    }

    @Test
    void eventWithoutRequiredAttributesIsA400Problem() {
        problem(given().header("ce-id", "req-7").header("ce-specversion", "1.0").header("ce-type", "modelfn.predict")
                .contentType("application/json").body(IRIS_REQUEST).post("/"), 400, "invalid-cloudevent")
                .body("missing", equalTo(java.util.List.of("ce-source")));
        Map<String, Object> noId = event("modelfn.predict", "x", IRIS_REQUEST);
        noId.remove("id");
        problem(structured(noId), 400, "invalid-cloudevent").body("missing", equalTo(java.util.List.of("id")));
    }

    @Test
    void binaryEventWithoutIdIsA400ProblemNotAMissingFunction() {
        problem(given().header("ce-specversion", "1.0").header("ce-type", "modelfn.predict").header("ce-source", "/tests")
                .contentType("application/json").body(IRIS_REQUEST).post("/"), 400, "invalid-cloudevent")
                .body("missing", equalTo(java.util.List.of("ce-id")));
    }

    @Test
    void eventWithoutDataIsA400Problem() {
        problem(binary("modelfn.predict", "req-8", ""), 400, "missing-data");
        Map<String, Object> noData = event("modelfn.predict", "req-9", IRIS_REQUEST);
        noData.remove("data");
        problem(structured(noData), 400, "missing-data");
    }

    @Test
    void malformedStructuredEventIsA400Problem() {
        problem(given().contentType("application/cloudevents+json").body("{\"specversion\":").post("/"), 400,
                "malformed-json");
    }

    @Test
    void dataThatIsNotJsonIsA415Problem() {
        problem(ce("modelfn.predict", "req-10").contentType("text/plain").body("iris").post("/"), 415,
                "unsupported-data-content-type");
    }

    @Test
    void batchedEventsAreA415Problem() {
        problem(given().contentType("application/cloudevents-batch+json").body("[]").post("/"), 415,
                "unsupported-content-mode");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String type) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:" + type))
                .body("status", equalTo(status));
    }
}
