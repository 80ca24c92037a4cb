package dev.modelfn.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application (prod profile) serves the OpenAPI document, and no Swagger UI. */
@QuarkusIntegrationTest
@WithTestResource(StoreFolderResource.class)
class OpenApiIT {

    @Test
    void theDocumentIsServedAndSwaggerUiIsNot() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", equalTo("3.0.3")).body("info.title", equalTo("modelfn"))
                .body("paths.size()", greaterThan(20));
        given().get("/q/swagger-ui/").then().statusCode(404);
    }
}
