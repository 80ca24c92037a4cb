package dev.modelfn.train;

import static dev.modelfn.support.Problems.expectProblem;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.S3StoreResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TrainLimitsTest.SmallLimits.class)
class TrainLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("modelfn.train.max-rows", "100");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3StoreResource.class));
        }
    }

    @Inject
    TrainingSlots slots;

    @Test
    void aTrainingOverMaxConcurrentIs429WithRetryAfterAndTheSlotIsFreedAfterwards() {
        String request = "{\"model\":\"big\",\"task\":\"classification\",\"target\":\"species\","
                + "\"data\":{\"uri\":\"s3://datasets/iris.csv\"}}";
        try (TrainingSlots.Slot running = slots.acquire()) {
            expectProblem("/train", request, 429, "too-many-trainings")
                    .header("Retry-After", "30").body("maxConcurrent", equalTo(1));
        }
        // the slot the test held is back: the request is read again, and refused for its size
        expectProblem("/train", request, 413, "too-many-rows");
        // and a refused training gave its own slot back too
        expectProblem("/train", request, 413, "too-many-rows");
    }

    @Test
    void moreRowsThanAllowedIs413() {
        expectProblem("/train", "{\"model\":\"big\",\"task\":\"classification\",\"target\":\"species\","
                + "\"data\":{\"uri\":\"s3://datasets/iris.csv\"}}", 413, "too-many-rows").body("maxRows", equalTo(100));
    }
}
