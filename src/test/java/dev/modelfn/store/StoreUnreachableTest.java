package dev.modelfn.store;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(StoreUnreachableTest.NoServer.class)
class StoreUnreachableTest {

    /** An S3 endpoint on a loopback port that nothing listens on. */
    public static class ClosedPort implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            int port = closedPort();
            Map<String, String> config = new HashMap<>();
            config.put("modelfn.store.uri", "s3://models/nowhere");
            config.put("quarkus.s3.endpoint-override", "http://127.0.0.1:" + port);
            config.put("quarkus.s3.path-style-access", "true");
            config.put("quarkus.s3.aws.region", "us-east-1");
            config.put("quarkus.s3.aws.credentials.type", "static");
            config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", "a");
            config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", "b");
            return config;
        }

        @Override
        public void stop() {
        }
    }

    /** A loopback port that was free a moment ago, so nothing listens on it. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static class NoServer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ClosedPort.class));
        }
    }

    @Test
    void theFunctionStartsAndReadinessSaysTheStoreIsUnreachable() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'models' }.data.'(store)'", containsString("s3://models/nowhere"));
    }

    @Test
    void trainingAnswers503WithTheCause() {
        expectProblem("/train", "{\"model\":\"m\",\"task\":\"classification\",\"target\":\"label\","
                + "\"data\":{\"csv\":\"a,label\\n1,x\\n2,y\\n3,x\\n4,y\\n5,x\\n6,y\\n\"}}", 503, "store-unavailable")
                .body("detail", containsString("s3://models/nowhere"))
                .body("detail", containsString("quarkus.s3.endpoint-override"))
                .body("detail", not(containsString("\n")))
                .body("detail.length()", lessThan(300));
    }

    @Test
    void trainingFromAnS3DatasetAnswers503InOneShortLine() {
        for (int call = 0; call < 2; call++) {
            expectProblem("/train", S3NotConfiguredTest.TRAIN_FROM_S3, 503, "store-unavailable")
                    .body("detail", containsString("s3://datasets"))
                    .body("detail", containsString("quarkus.s3.endpoint-override"))
                    .body("detail", not(containsString("\n")))
                    .body("detail.length()", lessThan(300));
        }
    }

    @Test
    void predictSaysNoModelIsServed() {
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":{\"a\":1}}", 404, "unknown-model");
        given().get("/models").then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:store-unavailable"));
    }
}
