package dev.modelfn.events;

import static dev.modelfn.events.TestEvents.binary;
import static dev.modelfn.events.TestEvents.event;
import static dev.modelfn.events.TestEvents.structured;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;


/** Train requests as CloudEvents, binary and structured, answered with trained events. */
abstract class TrainEventsContract {

    @Test
    void binaryTrainEventIsAnsweredWithATrainedEventAndTheModelServes() throws IOException {
        String version = binary("modelfn.train", "train-1", request("iris-events"))
                .then().statusCode(200)
                .header("ce-type", "modelfn.trained")
                .header("ce-source", "modelfn")
                .header("ce-requestid", "train-1")
                .header("ce-subject", "iris-events")
                .body("model", equalTo("iris-events"))
                .body("promoted", equalTo(true))
                .extract().path("version");
        given().body(Map.of("model", "iris-events", "features", Map.of("sepal_length_cm", 5.1, "sepal_width_cm", 3.5,
                "petal_length_cm", 1.4, "petal_width_cm", 0.2))).contentType("application/json")
                .post("/predict")
                .then().statusCode(200).body("version", equalTo(version)).body("predictions[0].label", equalTo("setosa"));
    }

    @Test
    void structuredTrainEventIsAnsweredWithAStructuredTrainedEvent() throws IOException {
        structured(event("modelfn.train", "train-2", request("iris-structured")))
                .then().statusCode(200)
                .contentType("application/cloudevents+json")
                .body("type", equalTo("modelfn.trained"))
                .body("source", equalTo("modelfn"))
                .body("requestid", equalTo("train-2"))
                .body("data.model", equalTo("iris-structured"))
                .body("data.version", notNullValue());
    }

    @Test
    void badTrainEventIsA400Problem() throws IOException {
        binary("modelfn.train", "train-3", request("iris-bad").replace("\"species\"", "\"colour\""))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:missing-target"));
    }

    private static String request(String model) throws IOException {
        String csv = Files.readString(Path.of("src/test/resources/data/iris.csv"));
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("model", model,
                "task", "classification", "target", "species", "data", Map.of("csv", csv)));
    }
}
