package dev.modelfn.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The jar a plain {@code ./mvnw package} builds, started as {@code java -jar} starts it: it runs the prod
 * profile, says in health that admin functions are closed, does not warn that they are open, and refuses
 * {@code promote} without a token.
 */
@QuarkusIntegrationTest
@WithTestResource(StoreFolderResource.class)
class PackagedJarIsSecureIT {

    @Test
    void runsTheProdProfileWithAdminFunctionsClosed() throws IOException {
        given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'auth' }.data.profile", equalTo("prod"))
                .body("checks.find { it.name == 'auth' }.data.adminOpen", equalTo(false));
        Path log = Path.of("target", "quarkus.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("Profile prod activated").doesNotContain(OpenAdminWarning.PREFIX);
    }

    @Test
    void refusesPromoteWithoutAToken() {
        given().contentType("application/json").body("{\"model\":\"iris\",\"version\":\"20200101T000000000Z-000000\"}")
                .post("/promote").then()
                .statusCode(anyOf(is(401), is(403)))
                .contentType("application/problem+json")
                .body("type", anyOf(equalTo("urn:modelfn:problem:auth-not-configured"),
                        equalTo("urn:modelfn:problem:missing-token")));
    }
}
