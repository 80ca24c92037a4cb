package dev.modelfn.store;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.modelfn.support.CsvRows;
import dev.modelfn.support.S3Objects;
import dev.modelfn.support.StalledStoreResource;
import dev.modelfn.support.StallingProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The object store stops answering after startup (a partition): training is refused in seconds, predictions go on. */
@QuarkusTest
@WithTestResource(StalledStoreResource.class)
class HungStoreTest {

    static final String TRAIN = "{\"model\":\"iris\",\"task\":\"classification\",\"target\":\"species\","
            + "\"data\":{\"uri\":\"file:iris.csv\"}}";
    static final Map<String, Object> SETOSA = CsvRows.load("iris.csv", "species").rows().get(0);

    StallingProxy proxy;

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    @AfterEach
    void heal() {
        proxy.stall(false);
    }

    @Test
    void trainingIsRefusedWithin15SecondsAndPredictionsKeepFlowing() {
        List<String> before = S3Objects.keysOf(storeUri, "iris");
        String served = predict().path("version");

        proxy.stall(true);
        long start = System.nanoTime();
        Response refused = given().body(TRAIN).contentType("application/json").post("/train");
        long millis = (System.nanoTime() - start) / 1_000_000;
        refused.then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:store-unavailable"))
                .body("detail", containsString("modelfn.store.timeout"))
                .header("Retry-After", notNullValue());
        assertThat(millis).isLessThan(15_000);

        for (int i = 0; i < 50; i++) {
            predict().then().body("version", equalTo(served));
        }
        given().get("/q/health/ready").then().statusCode(200);

        proxy.stall(false);
        assertThat(S3Objects.keysOf(storeUri, "iris")).as("current and history as they were").isEqualTo(before);
        // the slot came back: the next training runs
        given().body(TRAIN).contentType("application/json").post("/train").then().statusCode(200);
    }

    @Test
    void reloadAndModelsAnswer503WhileTheStoreHangs() {
        proxy.stall(true);
        expectProblem("/reload", "{\"model\":\"iris\"}", 503, "store-unavailable").header("Retry-After", "10");
        predict();
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static Response predict() {
        Response response = given().body(Map.of("model", "iris", "features", SETOSA)).contentType("application/json")
                .post("/predict");
        response.then().statusCode(200);
        return response;
    }
}
