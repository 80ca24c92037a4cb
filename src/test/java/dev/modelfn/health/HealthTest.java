package dev.modelfn.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class HealthTest {

    @Test
    void readyOnceEveryModelIsLoadedAndNamesTheirVersions() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.containsInAnyOrder("models", "Graceful Shutdown", "gRPC Server"))
                .body("checks.find { it.name == 'models' }.data.iris", startsWith("serving "))
                .body("checks.find { it.name == 'models' }.data.diabetes", startsWith("serving "));
    }

    @Test
    void liveAndStarted() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
