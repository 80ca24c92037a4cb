package dev.modelfn.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Predictions keep answering, from one of the two versions, while versions swap 20 times. */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class SwapUnderLoadTest {

    private static final int THREADS = 4;
    private static final int SWAPS = 20;
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]+)\"");

    @TestHTTPResource("/predict")
    URL predict;

    @Test
    void noPredictionFailsWhilePromotionsAndRollbacksSwapTheModel() throws Exception {
        String v1 = LifecycleContract.train("busy", true, false);
        String v2 = LifecycleContract.train("busy", true, true);
        String body = "{\"model\":\"busy\",\"features\":{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,"
                + "\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}";
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(predict.toURI()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            senders.add(pool.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        Matcher version = VERSION.matcher(response.body());
                        if (response.statusCode() != 200 || !version.find()) {
                            failures.add(response.statusCode() + " " + response.body());
                        } else {
                            versionsSeen.add(version.group(1));
                        }
                        answered.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        try {
            for (int i = 0; i < SWAPS; i++) {
                Thread.sleep(450);
                if (i % 2 == 0) {
                    given().body(Map.of("model", "busy")).contentType("application/json").post("/rollback")
                            .then().statusCode(200);
                } else {
                    given().body(Map.of("model", "busy", "version", v2)).contentType("application/json").post("/promote")
                            .then().statusCode(200);
                }
            }
            Thread.sleep(450);
        } finally {
            running.set(false);
            for (Future<?> sender : senders) {
                sender.get();
            }
            pool.shutdown();
        }
        assertThat(failures).isEmpty();
        assertThat(answered.get()).isGreaterThan(100);
        assertThat(versionsSeen).containsExactlyInAnyOrder(v1, v2);
        System.out.printf("swap under load: %d predictions during %d swaps, none failed%n", answered.get(), SWAPS);
    }

}
