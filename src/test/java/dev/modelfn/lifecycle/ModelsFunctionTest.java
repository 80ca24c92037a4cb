package dev.modelfn.lifecycle;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class ModelsFunctionTest {

    @Test
    void getListsEveryLoadedModelWithItsDescription() {
        given().get("/models")
                .then().statusCode(200)
                .body("models.name", hasItems("diabetes", "iris"))
                .body("models.find { it.name == 'iris' }.task", equalTo("classification"))
                .body("models.find { it.name == 'iris' }.features", contains("sepal_length_cm", "sepal_width_cm",
                        "petal_length_cm", "petal_width_cm"))
                .body("models.find { it.name == 'iris' }.outputs", contains("setosa", "versicolor", "virginica"))
                .body("models.find { it.name == 'iris' }.scores", equalTo("probabilities"))
                .body("models.find { it.name == 'iris' }.metrics.accuracy", greaterThanOrEqualTo(0.93f))
                .body("models.find { it.name == 'diabetes' }.task", equalTo("regression"))
                .body("models.find { it.name == 'diabetes' }.outputs", contains("target"))
                .body("models.find { it.name == 'diabetes' }.metrics.r2", greaterThanOrEqualTo(0.40f));
    }

    @Test
    void postWithAnEmptyObjectOrNoBodyListsThemToo() {
        given().body("{}").contentType("application/json").post("/models")
                .then().statusCode(200).body("models.name", hasItems("diabetes", "iris"));
        given().post("/models").then().statusCode(200).body("models.name", hasItems("diabetes", "iris"));
    }

    @Test
    void oneModelCanBeAskedFor() {
        given().get("/models?model=iris").then().statusCode(200).body("models.name", contains("iris"));
        given().body("{\"model\":\"diabetes\"}").contentType("application/json").post("/models")
                .then().statusCode(200).body("models.name", contains("diabetes"));
    }

    @Test
    void anUnknownOrInvalidModelIsRefused() {
        expectProblem("/models", "{\"model\":\"tulip\"}", 404, "unknown-model");
        expectProblem("/models", "{\"model\":\"../x\"}", 400, "invalid-model-name");
    }
}
