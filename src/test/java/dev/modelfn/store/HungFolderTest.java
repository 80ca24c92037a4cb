package dev.modelfn.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The local store folder hangs (a network mount that stopped answering): the same 503 as a hung bucket. */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class HungFolderTest {

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    @Test
    void aTrainingThatMeetsAHungFileIsRefusedInSecondsAndLeavesCurrentAndHistoryAlone() throws Exception {
        Path iris = Path.of(URI.create(storeUri)).resolve("iris");
        String current = Files.readString(iris.resolve("current"));
        Path hung = LocalBlobStoreTest.fifo(iris, "current");
        try {
            long start = System.nanoTime();
            Response refused = given().body(HungStoreTest.TRAIN).contentType("application/json").post("/train");
            long millis = (System.nanoTime() - start) / 1_000_000;
            refused.then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:modelfn:problem:store-unavailable"))
                    .body("detail", containsString("iris/current"))
                    .header("Retry-After", notNullValue());
            assertThat(millis).isLessThan(15_000);
            given().body(Map.of("model", "iris", "features", HungStoreTest.SETOSA)).contentType("application/json")
                    .post("/predict").then().statusCode(200);
            assertThat(iris.resolve("history")).doesNotExist();
        } finally {
            LocalBlobStoreTest.release(hung);
            Files.writeString(iris.resolve("current"), current);
        }
        given().body(HungStoreTest.TRAIN).contentType("application/json").post("/train").then().statusCode(200);
    }
}
