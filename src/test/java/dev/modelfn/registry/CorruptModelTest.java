package dev.modelfn.registry;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = StoreFolderResource.class, initArgs = @ResourceArg(name = "corrupt", value = "diabetes"))
class CorruptModelTest {

    @Test
    void aModelWithOneFlippedByteIsRefusedAndReadinessNamesIt() {
        given().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'models' }.data.diabetes", containsString("checksum"))
                .body("checks.find { it.name == 'models' }.data.iris", startsWith("serving "));
    }

    @Test
    void theOtherModelStillServes() {
        given().body("{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,"
                + "\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}").contentType("application/json")
                .post("/predict")
                .then().statusCode(200).body("predictions[0].label", equalTo("setosa"));
        given().get("/models").then().statusCode(200)
                .body("models.find { it.name == 'iris' }.version", notNullValue())
                .body("models.find { it.name == 'diabetes' }.version", nullValue())
                .body("models.find { it.name == 'diabetes' }.error", containsString("checksum"))
                .body("models.find { it.name == 'diabetes' }.current", notNullValue());
    }

    @Test
    void predictingWithTheRefusedModelSaysWhy() {
        expectProblem("/predict", "{\"model\":\"diabetes\",\"features\":{\"age\":0.1}}", 404, "unknown-model")
                .body("detail", containsString("failed to load"));
    }

    @Test
    void livenessIsUnaffected() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
    }
}
