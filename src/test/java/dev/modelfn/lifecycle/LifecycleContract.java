package dev.modelfn.lifecycle;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.store.BlobStore;
import dev.modelfn.support.CsvRows;
import io.restassured.path.json.JsonPath;

/**
 * The lifecycle, through HTTP, against whichever store the subclass configures. A second store client
 * plays the part of another instance or an operator.
 */
abstract class LifecycleContract {

    static final Map<String, Object> SETOSA = CsvRows.load("iris.csv", "species").rows().get(0);

    /** A client of the same store, independent of the application. */
    abstract BlobStore otherInstance();

    @Test
    void promotingEachVersionChangesThePredictions() {
        String v1 = train("swap", true, false);
        String v2 = train("swap", false, true);
        assertThat(predict("swap")).isEqualTo(List.of(v1, "setosa"));

        promote("swap", v2).body("previous", equalTo(v1)).body("action", equalTo("promote"));
        assertThat(predict("swap")).isEqualTo(List.of(v2, "virginica"));
        assertThat(current("swap")).isEqualTo(v2);

        promote("swap", v1);
        assertThat(predict("swap")).isEqualTo(List.of(v1, "setosa"));
    }

    @Test
    void rollingBackTwiceGoesTwoStepsBackThenThereIsNothingLeft() {
        String v1 = train("steps", true, false);
        String v2 = train("steps", true, true);
        String v3 = train("steps", true, false);
        assertThat(predict("steps").get(0)).isEqualTo(v3);

        rollback("steps").body("version", equalTo(v2)).body("previous", equalTo(v3));
        assertThat(predict("steps")).isEqualTo(List.of(v2, "virginica"));
        rollback("steps").body("version", equalTo(v1));
        assertThat(predict("steps")).isEqualTo(List.of(v1, "setosa"));
        assertThat(current("steps")).isEqualTo(v1);
        expectProblem("/rollback", "{\"model\":\"steps\"}", 409, "nothing-to-roll-back");
        assertThat(otherInstance().children("steps/history/")).hasSize(5);
    }

    @Test
    void reloadFollowsAPointerChangedByAnotherInstance() {
        String v1 = train("follow", true, false);
        String v2 = train("follow", false, true);
        otherInstance().write("follow/current", (v2 + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(predict("follow").get(0)).isEqualTo(v1);

        given().body("{\"model\":\"follow\"}").contentType("application/json").post("/reload")
                .then().statusCode(200)
                .body("models[0].changed", equalTo(true))
                .body("models[0].version", equalTo(v2))
                .body("models[0].previous", equalTo(v1));
        assertThat(predict("follow")).isEqualTo(List.of(v2, "virginica"));

        otherInstance().write("follow/current", (v1 + "\n").getBytes(StandardCharsets.UTF_8));
        given().post("/reload").then().statusCode(200)
                .body("models.find { it.model == 'follow' }.changed", equalTo(true));
        assertThat(predict("follow").get(0)).isEqualTo(v1);
    }

    @Test
    void aCorruptVersionIsRefusedByPromoteAndTheServingOneStays() {
        String v1 = train("guarded", true, false);
        String v2 = train("guarded", false, true);
        String key = "guarded/versions/" + v2 + "/model.tribuo";
        byte[] bytes = otherInstance().read(key).orElseThrow();
        bytes[bytes.length / 3] ^= 0x10;
        otherInstance().write(key, bytes);

        expectProblem("/promote", "{\"model\":\"guarded\",\"version\":\"" + v2 + "\"}", 422, "version-refused");
        assertThat(predict("guarded")).isEqualTo(List.of(v1, "setosa"));
        assertThat(current("guarded")).isEqualTo(v1);

        otherInstance().write("guarded/current", (v2 + "\n").getBytes(StandardCharsets.UTF_8));
        expectProblem("/reload", "{\"model\":\"guarded\"}", 422, "reload-failed");
        assertThat(predict("guarded").get(0)).isEqualTo(v1);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'models' }.data.guarded", org.hamcrest.Matchers.containsString("last load failed"));
        otherInstance().write("guarded/current", (v1 + "\n").getBytes(StandardCharsets.UTF_8));
        given().body("{\"model\":\"guarded\"}").contentType("application/json").post("/reload").then().statusCode(200);
    }

    @Test
    void deleteRefusesTheCurrentVersionAndRemovesOthers() {
        String v1 = train("pruned", true, false);
        String v2 = train("pruned", false, true);
        expectProblem("/delete", "{\"model\":\"pruned\",\"version\":\"" + v1 + "\"}", 409, "version-in-use");
        given().body("{\"model\":\"pruned\",\"version\":\"" + v2 + "\"}").contentType("application/json").post("/delete")
                .then().statusCode(200).body("version", equalTo(v2));
        assertThat(otherInstance().children("pruned/versions/")).containsExactly(v1);
        expectProblem("/promote", "{\"model\":\"pruned\",\"version\":\"" + v2 + "\"}", 404, "unknown-version");
        expectProblem("/delete", "{\"model\":\"pruned\",\"version\":\"" + v2 + "\"}", 404, "unknown-version");
    }

    @Test
    void modelsListsEveryVersionNewestFirstWithItsHeadline() {
        String v1 = train("listed", true, false);
        String v2 = train("listed", false, false);
        JsonPath models = given().get("/models?model=listed").then().statusCode(200).extract().jsonPath();
        assertThat(models.getString("models[0].version")).isEqualTo(v1);
        assertThat(models.getString("models[0].current")).isEqualTo(v1);
        assertThat(models.getList("models[0].versions.version")).containsExactly(v2, v1);
        assertThat(models.getList("models[0].versions.current")).containsExactly(false, true);
        assertThat(models.getList("models[0].versions.loaded")).containsExactly(false, true);
        assertThat(models.getFloat("models[0].versions[0].headline.accuracy")).isGreaterThan(0.8f);
        assertThat(models.getString("models[0].versions[1].createdAt")).isNotBlank();
    }

    @Test
    void describeGivesMetadataAndTopFeaturesPerClass() {
        String v1 = train("described", true, false);
        String v2 = train("described", false, true);
        given().get("/describe?model=described").then().statusCode(200)
                .body("metadata.version", equalTo(v1))
                .body("loaded", equalTo(true))
                .body("topFeatures.keySet()", org.hamcrest.Matchers.hasItems("setosa", "versicolor", "virginica"))
                .body("topFeatures.setosa[0].feature", org.hamcrest.Matchers.startsWith("petal"));
        given().body("{\"model\":\"described\",\"version\":\"" + v2 + "\"}").contentType("application/json").post("/describe")
                .then().statusCode(200).body("metadata.version", equalTo(v2)).body("current", equalTo(false))
                .body("metadata.sha256", org.hamcrest.Matchers.hasLength(64));
        expectProblem("/describe", "{\"model\":\"described\",\"version\":\"19990101T000000000Z-000000\"}", 404,
                "unknown-version");
    }

    @Test
    void aRegressorCannotReplaceAClassifier() {
        train("kind", true, false);
        String regressor = given().body(Map.of("model", "kind", "task", "regression", "target", "target",
                "data", Map.of("uri", "file:diabetes.csv"), "promote", false)).contentType("application/json")
                .post("/train").then().statusCode(200).extract().jsonPath().getString("version");
        expectProblem("/promote", "{\"model\":\"kind\",\"version\":\"" + regressor + "\"}", 422, "task-mismatch");
    }

    /** A model trained only with promote false has nothing to serve: reloading everything leaves readiness alone. */
    @Test
    void aModelNeverPromotedDoesNotHoldReadinessAfterAReloadOfEverything() {
        String version = train("unpromoted", false, false);
        given().post("/reload").then().statusCode(200)
                .body("models.model", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("unpromoted")));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/v2/health/ready").then().statusCode(200);
        given().body(Map.of("model", "unpromoted", "version", version)).contentType("application/json").post("/promote")
                .then().statusCode(200);
        given().post("/reload").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void lifecycleInputsAreChecked() {
        expectProblem("/promote", "{\"model\":\"x\"}", 400, "missing-version");
        expectProblem("/promote", "{\"version\":\"v\"}", 400, "missing-model");
        expectProblem("/promote", "{\"model\":\"../x\",\"version\":\"v\"}", 400, "invalid-model-name");
        expectProblem("/delete", "{\"model\":\"x\",\"version\":\"../../current\"}", 400, "invalid-version-name");
        expectProblem("/rollback", "{\"model\":\"never-trained\"}", 404, "unknown-model");
        expectProblem("/describe", "{\"model\":\"never-trained\"}", 404, "unknown-model");
        expectProblem("/reload", "{\"model\":\"never-trained\"}", 404, "unknown-model");
        given().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * Trains a version of {@code model} on iris; with {@code swapped} the setosa and virginica labels
     * trade places, so the two kinds of version answer a setosa row differently.
     */
    static String train(String model, boolean promote, boolean swapped) {
        Map<String, Object> request = new HashMap<>(Map.of("model", model, "task", "classification", "target", "species",
                "promote", promote, "holdout", 0));
        request.put("data", swapped ? Map.of("csv", swappedIris()) : Map.of("uri", "file:iris.csv"));
        return given().body(request).contentType("application/json").post("/train")
                .then().statusCode(200).extract().jsonPath().getString("version");
    }

    private static String swappedIris() {
        try {
            return Files.readString(Path.of("src/test/resources/data/iris.csv"))
                    .replace("setosa", "TMP").replace("virginica", "setosa").replace("TMP", "virginica");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** [version, label] of the answer for a setosa row. */
    static List<String> predict(String model) {
        JsonPath answer = given().body(Map.of("model", model, "features", SETOSA)).contentType("application/json")
                .post("/predict").then().statusCode(200).extract().jsonPath();
        return List.of(answer.getString("version"), answer.getString("predictions[0].label"));
    }

    private String current(String model) {
        return new String(otherInstance().read(model + "/current").orElseThrow(), StandardCharsets.UTF_8).trim();
    }

    private static io.restassured.response.ValidatableResponse promote(String model, String version) {
        return given().body(Map.of("model", model, "version", version)).contentType("application/json").post("/promote")
                .then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse rollback(String model) {
        return given().body(Map.of("model", model)).contentType("application/json").post("/rollback")
                .then().statusCode(200).body("action", equalTo("rollback"));
    }
}
