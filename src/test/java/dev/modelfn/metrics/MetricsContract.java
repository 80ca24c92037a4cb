package dev.modelfn.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreUri;

/** What /q/metrics exports about predictions, trainings and loads, against a store folder of the subclass's. */
abstract class MetricsContract {

    @StoreUri
    String storeUri;

    private static final String ROW = "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";
    private static final String BAD_ROW = "{\"sepal_length_cm\":\"x\",\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";

    @Test
    void predictionsAreCountedByModelVersionAndOutcome() {
        String version = given().contentType("application/json").body("{\"model\":\"iris\",\"features\":" + ROW + "}")
                .post("/predict").then().statusCode(200).extract().path("version");
        Scrape before = Scrape.now();

        predict("{\"model\":\"iris\",\"features\":" + ROW + "}", 200);
        predict("{\"model\":\"iris\",\"rows\":[" + ROW + "," + ROW + "," + ROW + "]}", 200);
        // through Funqy: a CloudEvent
        given().header("ce-specversion", "1.0").header("ce-id", "m-1").header("ce-source", "/test").header("ce-type", "modelfn.predict")
                .contentType("application/json").body("{\"model\":\"iris\",\"features\":" + ROW + "}")
                .post("/").then().statusCode(200);
        predict("{\"model\":\"iris\",\"features\":" + BAD_ROW + "}", 400);
        predict("{\"model\":\"iris\",\"rows\":[" + ROW + "," + BAD_ROW + "]}", 400);
        predict("{\"model\":\"tulip\",\"features\":" + ROW + "}", 404);

        Scrape after = Scrape.now();
        assertThat(delta(before, after, "modelfn_predictions_total", "model", "iris", "version", version, "protocol", "modelfn", "outcome", "ok"))
                .isEqualTo(3);
        assertThat(delta(before, after, "modelfn_predictions_total", "model", "iris", "version", version,
                "protocol", "modelfn", "outcome", "invalid-feature-value")).isEqualTo(2);
        assertThat(delta(before, after, "modelfn_predictions_total", "model", "(unknown)", "version", "(unknown)",
                "protocol", "modelfn", "outcome", "unknown-model")).isEqualTo(1);
        assertThat(delta(before, after, "modelfn_prediction_duration_seconds_count", "model", "iris", "version", version, "protocol", "modelfn"))
                .isEqualTo(3);
        assertThat(after.value("modelfn_prediction_duration_seconds_bucket", "model", "iris", "version", version, "protocol", "modelfn", "le", "+Inf"))
                .isEqualTo(after.value("modelfn_prediction_duration_seconds_count", "model", "iris", "version", version, "protocol", "modelfn"));
        assertThat(delta(before, after, "modelfn_prediction_rows_sum", "model", "iris", "version", version, "protocol", "modelfn")).isEqualTo(5);
        assertThat(delta(before, after, "modelfn_prediction_rows_bucket", "model", "iris", "version", version, "protocol", "modelfn", "le", "1.0"))
                .isEqualTo(2);
        assertThat(after.text()).doesNotContain("tulip");
    }

    @Test
    void openInferenceCallsAreCountedInTheSameFamilyTaggedByProtocol() {
        String version = given().contentType("application/json").body("{\"model\":\"iris\",\"features\":" + ROW + "}")
                .post("/predict").then().statusCode(200).extract().path("version");
        String matrix = "{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[2,4],\"data\":[5.1,3.5,1.4,0.2,6.7,3.0,5.2,2.3]}";
        Scrape before = Scrape.now();
        given().contentType("application/json").body("{\"inputs\":[" + matrix + "]}").post("/v2/models/iris/infer")
                .then().statusCode(200);
        given().contentType("application/json").body("{\"inputs\":[" + matrix.replace("2.3", "1e400") + "]}")
                .post("/v2/models/iris/infer").then().statusCode(400);
        Scrape after = Scrape.now();
        assertThat(delta(before, after, "modelfn_predictions_total", "model", "iris", "version", version, "protocol", "v2-rest",
                "outcome", "ok")).isEqualTo(1);
        assertThat(delta(before, after, "modelfn_predictions_total", "model", "iris", "version", version, "protocol", "v2-rest",
                "outcome", "v2-invalid-value")).isEqualTo(1);
        assertThat(delta(before, after, "modelfn_prediction_rows_sum", "model", "iris", "version", version, "protocol", "v2-rest"))
                .isEqualTo(2);
        assertThat(delta(before, after, "modelfn_predictions_total", "model", "iris", "version", version, "protocol", "modelfn",
                "outcome", "ok")).isZero();
    }

    @Test
    void trainingsLoadsAndTheServedVersionAreExported() throws Exception {
        Scrape before = Scrape.now();
        String version = trainUnpromoted();
        given().contentType("application/json").body("{\"model\":\"opsiris\",\"task\":\"classification\",\"target\":\"nope\","
                + "\"data\":{\"uri\":\"file:iris.csv\"}}").post("/train").then().statusCode(400);
        promote(version, 200);
        String damaged = trainUnpromoted();
        Files.write(Path.of(URI.create(storeUri)).resolve("opsiris/versions/" + damaged + "/model.tribuo"), new byte[] { 1, 2, 3 });
        promote(damaged, 422);

        Scrape after = Scrape.now();
        assertThat(delta(before, after, "modelfn_training_duration_seconds_count", "model", "opsiris", "task", "classification",
                "outcome", "ok")).isEqualTo(2);
        // not served yet when it failed: the requested name does not become a tag
        assertThat(delta(before, after, "modelfn_training_duration_seconds_count", "model", "(unknown)", "task", "classification",
                "outcome", "missing-target")).isEqualTo(1);
        assertThat(delta(before, after, "modelfn_model_loads_total", "model", "opsiris", "outcome", "loaded")).isEqualTo(1);
        assertThat(delta(before, after, "modelfn_model_loads_total", "model", "opsiris", "outcome", "failed")).isEqualTo(1);
        assertThat(after.value("modelfn_model_loaded", "model", "opsiris", "version", version)).isEqualTo(1);
        assertThat(after.text()).doesNotContain("version=\"" + damaged + "\"");
    }

    private static String trainUnpromoted() {
        return given().contentType("application/json")
                .body("{\"model\":\"opsiris\",\"task\":\"classification\",\"target\":\"species\",\"data\":{\"uri\":\"file:iris.csv\"},"
                        + "\"trainer\":{\"epochs\":2},\"promote\":false}")
                .post("/train").then().statusCode(200).extract().path("version");
    }

    private static void promote(String version, int status) {
        given().contentType("application/json").body("{\"model\":\"opsiris\",\"version\":\"" + version + "\"}")
                .post("/promote").then().statusCode(status);
    }

    private static void predict(String body, int status) {
        given().contentType("application/json").body(body).post("/predict").then().statusCode(status);
    }

    private static double delta(Scrape before, Scrape after, String name, String... tags) {
        return after.value(name, tags) - before.value(name, tags);
    }
}
