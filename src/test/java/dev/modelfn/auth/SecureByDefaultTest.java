package dev.modelfn.auth;

import static dev.modelfn.events.TestEvents.ce;
import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The prod profile's defaults with no key configured: admin functions are refused, predict still serves. */
@QuarkusTest
@TestProfile(SecureByDefaultTest.ProdWithoutKey.class)
class SecureByDefaultTest {

    public static class ProdWithoutKey implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Under test, smallrye-jwt configures an in-memory key pair unless some key setting is present; a
            // signing key (which the application never uses) is present without being a verification key.
            return Map.of("smallrye.jwt.sign.key.location", "unused-signing-key.pem");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreFolderResource.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/train", "/promote", "/rollback", "/reload", "/delete"})
    void adminFunctionsAre403WithHowToEnableThem(String path) {
        expectProblem(path, "{\"model\":\"iris\"}", 403, "auth-not-configured")
                .body("detail", containsString("mp.jwt.verify.publickey.location"));
    }

    @Test
    void adminEventsAre403Too() {
        ce("modelfn.train", "prod-1").contentType("application/json").body("{\"model\":\"iris\"}").post("/")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:auth-not-configured"));
    }

    @Test
    void healthSaysAdminFunctionsAreClosedAndStaysUp() {
        given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'auth' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'auth' }.data.adminOpen", equalTo(false))
                .body("checks.find { it.name == 'auth' }.data.admin", containsString("mp.jwt.verify.publickey.location"))
                .body("checks.find { it.name == 'auth' }.data.profile", equalTo("prod"));
    }

    @Test
    void predictStaysOpen() {
        given().contentType("application/json").body("{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,"
                + "\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}")
                .post("/predict").then().statusCode(200);
    }
}
