package dev.modelfn.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class TrainEventsTest {

    @Test
    void binaryTrainEventIsAnsweredWithATrainedEventAndTheModelServes() throws IOException {
        String version = given().header("ce-id", "train-1").header("ce-specversion", "1.0")
                .header("ce-type", "modelfn.train").header("ce-source", "/tests")
                .contentType("application/json").body(request("iris-events"))
                .post("/")
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
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", "train-2");
        event.put("source", "/tests");
        event.put("type", "modelfn.train");
        event.put("data", new io.restassured.path.json.JsonPath(request("iris-structured")).getMap("$"));
        given().contentType("application/cloudevents+json").body(event)
                .post("/")
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
        given().header("ce-id", "train-3").header("ce-specversion", "1.0")
                .header("ce-type", "modelfn.train").header("ce-source", "/tests")
                .contentType("application/json").body(request("iris-bad").replace("\"species\"", "\"colour\""))
                .post("/")
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
