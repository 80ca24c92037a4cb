package dev.modelfn.events;

import static dev.modelfn.events.TestEvents.binary;
import static dev.modelfn.events.TestEvents.event;
import static dev.modelfn.events.TestEvents.structured;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.support.StoreUri;

/** Another instance promotes (writes current) and announces it; this one reloads on the event. */
abstract class ModelPromotedEventsContract {

    private static final Map<String, Object> SETOSA = Map.of("sepal_length_cm", 5.1, "sepal_width_cm", 3.5,
            "petal_length_cm", 1.4, "petal_width_cm", 0.2);

    @StoreUri
    String storeUri;

    @Test
    void promotedEventReloadsTheModelInBothModes() throws IOException {
        String v1 = train(true);
        String v2 = train(false);
        assertServes(v1);

        promoteElsewhere(v2);
        binary("modelfn.model.promoted", "promo-1", "{\"model\":\"promo\",\"version\":\"" + v2 + "\"}")
                .then().statusCode(204).header("ce-type", nullValue()).body(emptyString());
        assertServes(v2);

        promoteElsewhere(v1);
        structured(event("modelfn.model.promoted", "promo-2", "{\"model\":\"promo\",\"version\":\"" + v1 + "\"}"))
                .then().statusCode(204);
        assertServes(v1);
    }

    @Test
    void promotedEventForAModelNotServedHereIsA404AndLeavesReadinessAlone() {
        binary("modelfn.model.promoted", "promo-3", "{\"model\":\"tulip\",\"version\":\"v1\"}")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:unknown-model"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void promotedEventWithoutAModelIsA400Problem() {
        binary("modelfn.model.promoted", "promo-4", "{\"version\":\"v1\"}")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private void promoteElsewhere(String version) {
        new LocalBlobStore(Path.of(URI.create(storeUri)))
                .write("promo/current", (version + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void assertServes(String version) {
        given().body(Map.of("model", "promo", "features", SETOSA)).contentType("application/json").post("/predict")
                .then().statusCode(200).body("version", equalTo(version));
    }

    private static String train(boolean promote) throws IOException {
        String csv = Files.readString(Path.of("src/test/resources/data/iris.csv"));
        String request = new ObjectMapper().writeValueAsString(Map.of("model", "promo", "task", "classification",
                "target", "species", "data", Map.of("csv", csv), "promote", promote));
        return given().body(request).contentType("application/json").post("/train")
                .then().statusCode(200).extract().path("version");
    }
}
