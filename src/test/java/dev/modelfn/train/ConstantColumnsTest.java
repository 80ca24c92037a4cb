package dev.modelfn.train;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A column with one value in every row trains with standardisation on, is recorded, and the model serves. */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class ConstantColumnsTest {

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    @Test
    void aStandardisedModelTrainsOnConstantColumnsAndServes() throws Exception {
        JsonPath result = given().body(Map.of("model", "iris-constant", "task", "classification", "target", "species",
                "data", Map.of("uri", "file:iris_constant_columns.csv"))).contentType("application/json")
                .post("/train").then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("features")).containsExactly("sepal_length_cm", "batch", "sepal_width_cm",
                "petal_length_cm", "pixel_0", "petal_width_cm");
        assertThat(result.getList("constantFeatures")).containsExactly("batch", "pixel_0");
        assertThat(result.getFloat("metrics.accuracy")).isGreaterThanOrEqualTo(0.9f);

        Path metadata = Path.of(java.net.URI.create(storeUri)).resolve("iris-constant/versions")
                .resolve(result.getString("version")).resolve("metadata.json");
        JsonNode written = new ObjectMapper().readTree(Files.readString(metadata));
        assertThat(written.get("constantFeatures").toString()).isEqualTo("[\"batch\",\"pixel_0\"]");
        assertThat(written.get("standardized").asBoolean()).isTrue();

        Map<String, Object> setosa = new LinkedHashMap<>(Map.of("sepal_length_cm", 5.1, "sepal_width_cm", 3.5,
                "petal_length_cm", 1.4, "petal_width_cm", 0.2, "batch", 7, "pixel_0", 0));
        JsonPath served = given().body(Map.of("model", "iris-constant", "features", setosa))
                .contentType("application/json").post("/predict")
                .then().statusCode(200).body("predictions[0].label", equalTo("setosa")).extract().jsonPath();
        // a constant column carries nothing: another value there leaves the scores as they were
        setosa.put("batch", 1e6);
        given().body(Map.of("model", "iris-constant", "features", setosa)).contentType("application/json")
                .post("/predict").then().statusCode(200)
                .body("predictions[0].scores", equalTo(served.getMap("predictions[0].scores")));
    }

    @Test
    void withoutStandardisationConstantColumnsStayInTheModel() {
        given().body(Map.of("model", "iris-constant-raw", "task", "classification", "target", "species",
                "standardize", false, "data", Map.of("uri", "file:iris_constant_columns.csv")))
                .contentType("application/json")
                .post("/train").then().statusCode(200).body("constantFeatures", equalTo(null));
    }

    @Test
    void onlyConstantColumnsIsA400NamingThem() {
        expectProblem("/train", "{\"model\":\"flat\",\"task\":\"classification\",\"target\":\"y\",\"data\":{\"rows\":["
                + "{\"a\":1,\"b\":0,\"y\":\"p\"},{\"a\":1,\"b\":0,\"y\":\"q\"},{\"a\":1,\"b\":0,\"y\":\"p\"},"
                + "{\"a\":1,\"b\":0,\"y\":\"q\"},{\"a\":1,\"b\":0,\"y\":\"p\"}]},\"holdout\":0}", 400, "no-varying-features")
                .body("features", equalTo(List.of("a", "b")));
    }
}
