package dev.modelfn.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.AppProcess;
import dev.modelfn.support.S3StoreResource;
import dev.modelfn.support.S3TestServer;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two instances of the packaged application, two processes on one S3Proxy bucket, train the same model at the same
 * time, round after round: both keep every version, {@code current} ends at one of them, every promotion is in the
 * history, and a rollback on one instance returns to a version the other trained or an earlier one, which the other
 * instance then serves.
 */
class TwoInstancesIT {

    private static final String MODEL = "shared";
    private static final int ROUNDS = 3;

    @Test
    void twoInstancesTrainingOneModelIntoOneBucketLoseNothing() throws Exception {
        S3StoreResource bucket = new S3StoreResource();
        bucket.init(Map.of());
        Map<String, String> settings = new HashMap<>(bucket.start());
        settings.put("modelfn.auth.enabled", "false");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (AppProcess a = AppProcess.start(List.of(), settings); AppProcess b = AppProcess.start(List.of(), settings)) {
            Set<String> trained = new HashSet<>();
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JsonPath>> answers = new ArrayList<>();
                for (AppProcess app : List.of(a, b)) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return train(app);
                    }));
                }
                go.countDown();
                for (Future<JsonPath> answer : answers) {
                    JsonPath trainedOne = answer.get(120, TimeUnit.SECONDS);
                    assertThat(trainedOne.getBoolean("promoted")).isTrue();
                    trained.add(trainedOne.getString("version"));
                }
            }
            assertThat(trained).hasSize(2 * ROUNDS);

            for (AppProcess app : List.of(a, b)) {
                JsonPath models = given().get(app.uri("/models?model=" + MODEL)).then().statusCode(200).extract().jsonPath();
                assertThat(models.getList("models[0].versions.version", String.class))
                        .as("every version, seen from either instance").containsExactlyInAnyOrderElementsOf(trained);
                assertThat(models.getString("models[0].current")).isIn(trained);
            }
            String current = given().get(a.uri("/models?model=" + MODEL)).then().extract().jsonPath()
                    .getString("models[0].current");
            assertThat(historyEntries(settings.get("modelfn.store.uri"))).as("one history entry per promotion")
                    .isEqualTo(2 * ROUNDS);

            JsonPath rolledBack = given().contentType("application/json").body(Map.of("model", MODEL))
                    .post(a.uri("/rollback")).then().statusCode(200).extract().jsonPath();
            String back = rolledBack.getString("version");
            assertThat(back).isIn(trained).isNotEqualTo(current);
            given().contentType("application/json").body(Map.of("model", MODEL)).post(b.uri("/reload"))
                    .then().statusCode(200);
            for (AppProcess app : List.of(a, b)) {
                assertThat(given().contentType("application/json")
                        .body(Map.of("model", MODEL, "features", Map.of("sepal_length_cm", 5.1, "sepal_width_cm", 3.5,
                                "petal_length_cm", 1.4, "petal_width_cm", 0.2)))
                        .post(app.uri("/predict")).then().statusCode(200).extract().jsonPath().getString("version"))
                        .as("served after the rollback").isEqualTo(back);
            }
        } finally {
            pool.shutdownNow();
            bucket.stop();
        }
    }

    private static JsonPath train(AppProcess app) {
        return given().contentType("application/json")
                .body(Map.of("model", MODEL, "task", "classification", "target", "species",
                        "data", Map.of("uri", "file:iris.csv"), "holdout", 0, "trainer", Map.of("epochs", 5)))
                .post(app.uri("/train")).then().statusCode(200).extract().jsonPath();
    }

    private static int historyEntries(String storeUri) {
        String prefix = storeUri.substring(("s3://" + S3StoreResource.MODELS_BUCKET + "/").length()) + "/" + MODEL
                + "/history/";
        try (S3Client s3 = S3TestServer.client()) {
            return s3.listObjectsV2(r -> r.bucket(S3StoreResource.MODELS_BUCKET).prefix(prefix)).keyCount();
        }
    }
}
