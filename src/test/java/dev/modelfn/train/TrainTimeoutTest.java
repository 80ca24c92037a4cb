package dev.modelfn.train;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TrainTimeoutTest.TinyTimeout.class)
class TrainTimeoutTest {

    /** No fit of 455 rows × 30 features over 50 epochs ends within a millisecond. */
    public static class TinyTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // abandoned fits keep their slots until they end; room for them so that no test here sees 429
            return Map.of("modelfn.train.timeout", "1ms", "modelfn.train.max-concurrent", "4");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreFolderResource.class));
        }
    }

    @Test
    void aTrainingOverTheTimeLimitIs503WithRetryAfterAndWritesNothing() {
        expectProblem("/train", "{\"model\":\"slow\",\"task\":\"classification\",\"target\":\"diagnosis\","
                + "\"data\":{\"uri\":\"file:breast_cancer.csv\"},\"trainer\":{\"epochs\":50}}", 503, "training-timeout")
                .header("Retry-After", "30").body("timeoutMillis", equalTo(1));
        given().get("/models?model=slow").then().statusCode(404)
                .body("type", equalTo("urn:modelfn:problem:unknown-model"));
    }
}
