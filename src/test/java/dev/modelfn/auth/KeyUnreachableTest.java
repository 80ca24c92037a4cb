package dev.modelfn.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.modelfn.problem.ProblemResponder;
import dev.modelfn.support.LogCapture;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The verification key is a JWKS URL on a loopback port nothing listens on: a well-formed token cannot be
 * checked, which is the function's trouble, not the caller's: 503 with Retry-After, and a WARN naming the URL.
 */
@QuarkusTest
@TestProfile(KeyUnreachableTest.KeyUrlDown.class)
class KeyUnreachableTest {

    public static class KeyUrlDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // in the profile, not a test resource: smallrye-jwt decides at build time whether to make a key of its own
            return Map.of("quarkus.devservices.enabled", "false",
                    "modelfn.auth.enabled", "true",
                    "mp.jwt.verify.publickey.location", "http://127.0.0.1:" + closedPort() + "/jwks",
                    "smallrye.jwt.sign.key", Base64.getEncoder().encodeToString(
                            JwtKeysResource.newKeyPair().getPrivate().getEncoded()));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreFolderResource.class));
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.of(ProblemResponder.class);
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void aTokenThatCannotBeCheckedIs503AndAWarnNamingTheKeyUrl() {
        given().header("Authorization", "Bearer " + Tokens.of(Access.ADMIN_GROUP))
                .contentType("application/json").body("{\"model\":\"iris\"}").post("/reload")
                .then().statusCode(503)
                .header("Retry-After", "30")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:auth-key-unavailable"))
                .body("status", equalTo(503));
        List<ExtLogRecord> warnings = log.records().stream()
                .filter(r -> r.getLevel().getName().equals("WARN") || r.getLevel().getName().equals("WARNING")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("auth-key-unavailable")
                .contains("http://127.0.0.1:").contains("/jwks");
    }

    @Test
    void noTokenIsStillTheCallersFault() {
        given().contentType("application/json").body("{\"model\":\"iris\"}").post("/reload")
                .then().statusCode(401).body("type", equalTo("urn:modelfn:problem:missing-token"));
    }
}
