package dev.modelfn.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StalledStoreResource;
import dev.modelfn.support.StallingProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The store hangs while the function starts: readiness names each model's cause, loading retries without a restart. */
@QuarkusTest
@TestProfile(StoreDownAtStartupTest.StalledFromTheStart.class)
class StoreDownAtStartupTest {

    public static class StalledFromTheStart implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StalledStoreResource.class,
                    Map.of("stalled", "true", "models", "iris")));
        }
    }

    StallingProxy proxy;

    @Test
    void readinessNamesTheCausePerModelThenLoadingRetriesUntilTheStoreAnswers() throws InterruptedException {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'models' }.data.iris", containsString("no answer within"));

        proxy.stall(false);
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'models' }.data.iris", containsString("serving"));
        given().body(Map.of("model", "iris", "features", HungStoreTest.SETOSA)).contentType("application/json")
                .post("/predict").then().statusCode(200).body("model", equalTo("iris"));
    }
}
