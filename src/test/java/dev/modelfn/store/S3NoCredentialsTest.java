package dev.modelfn.store;

import static dev.modelfn.support.Problems.expectProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.RepeatedTest;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A region and an endpoint on a closed loopback port, but no credentials: the SDK's own message lists its
 * whole credentials chain; the caller gets one short line naming the settings instead.
 */
@QuarkusTest
@TestProfile(S3NoCredentialsTest.RegionOnly.class)
class S3NoCredentialsTest {

    public static class RegionOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.aws.region", "us-east-1",
                    "quarkus.s3.endpoint-override", "http://127.0.0.1:" + StoreUnreachableTest.closedPort(),
                    "quarkus.s3.path-style-access", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreFolderResource.class));
        }
    }

    @RepeatedTest(2)
    void trainingFromS3Is503NamingTheCredentialsSettings() {
        expectProblem("/train", S3NotConfiguredTest.TRAIN_FROM_S3, 503, "store-unavailable")
                .body("detail", containsString("quarkus.s3.aws.credentials.type"))
                .body("detail", not(containsString("\n")))
                .body("detail.length()", lessThan(300));
    }
}
