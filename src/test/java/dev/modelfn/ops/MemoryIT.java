package dev.modelfn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.AppProcess;
import dev.modelfn.support.CsvRows;
import dev.modelfn.support.OneShotHttp;
import dev.modelfn.support.OneShotHttp.Outcome;
import dev.modelfn.support.StoreFolderResource;

/**
 * The packaged application on an 80 MB heap: 24 concurrent 10,000-row batches are each answered 200 or refused
 * with a problem and Retry-After, a training that would not fit is refused with 413 before it starts, and the
 * function stays alive and ready throughout.
 */
class MemoryIT {

    private static final int CLIENTS = 24;
    private static final int ROUNDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSmallHeapAnswersEveryBatchOrRefusesItAndRefusesATrainingThatWouldNotFit() throws Exception {
        Path data = Files.createTempDirectory("modelfn-big-data");
        try (AppProcess app = AppProcess.start(List.of("-Xmx80m"),
                Map.of("modelfn.auth.enabled", "false", "modelfn.train.data-root", data.toString()))) {
            byte[] batch = JSON.writeValueAsBytes(Map.of("model", "iris", "rows", rows(10_000)));
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> bad = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<OneShotHttp.Result>> sent = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    sent.add(pool.submit(() -> {
                        go.await();
                        return OneShotHttp.post(app.port(), "/predict", batch, 120_000);
                    }));
                }
                go.countDown();
                for (Future<OneShotHttp.Result> f : sent) {
                    OneShotHttp.Result r = f.get(180, TimeUnit.SECONDS);
                    statuses.merge(r.status(), 1, Integer::sum);
                    if (r.status() != 200 && r.body() != null) {
                        refusals.add(r.body());
                    }
                    if (!acceptable(r)) {
                        bad.add(r.outcome() + " " + r.status() + " " + r.failure() + " " + r.headers());
                    }
                }
            }
            pool.shutdown();
            System.out.printf("MemoryIT: statuses of %d batches of 10,000 rows on -Xmx80m: %s%n", CLIENTS * ROUNDS, statuses);
            System.out.printf("MemoryIT: a refusal: %s%n", refusals.isEmpty() ? "none" : refusals.get(0));
            assertThat(bad).as("answers other than 200 or a problem with Retry-After").isEmpty();
            assertThat(statuses.getOrDefault(200, 0)).as("some batches answered").isPositive();
            assertThat(app.process().isAlive()).isTrue();
            assertThat(app.status("/q/health/ready")).isEqualTo(200);

            wideCsv(data.resolve("wide.csv"), 20_000, 100);
            byte[] train = JSON.writeValueAsBytes(Map.of("model", "wide", "task", "classification", "target", "label",
                    "data", Map.of("uri", "file:wide.csv")));
            OneShotHttp.Result refused = OneShotHttp.post(app.port(), "/train", train, 120_000);
            assertThat(refused.outcome()).isEqualTo(Outcome.ANSWERED);
            assertThat(refused.status()).as(refused.body()).isEqualTo(413);
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("type").asText()).isEqualTo("urn:modelfn:problem:too-large-for-instance");
            assertThat(problem.get("detail").asText()).containsPattern("too large for this instance \\(needs about \\d+ MB, has \\d+ MB\\)");
            System.out.printf("MemoryIT: %s%n", problem.get("detail").asText());
            assertThat(app.log()).doesNotContain("OutOfMemoryError");
            assertThat(app.process().isAlive()).isTrue();
            assertThat(app.status("/q/health/ready")).isEqualTo(200);
        } finally {
            StoreFolderResource.deleteTree(data);
        }
    }

    private static boolean acceptable(OneShotHttp.Result r) {
        if (r.outcome() != Outcome.ANSWERED) {
            return false;
        }
        if (r.status() == 200) {
            return true;
        }
        String headers = r.headers().toLowerCase(java.util.Locale.ROOT);
        return (r.status() == 413 || r.status() == 429 || r.status() == 503)
                && headers.contains("retry-after:") && headers.contains("application/problem+json");
    }

    private static List<Map<String, Object>> rows(int count) {
        return CsvRows.load("iris.csv", "species").cycled(count);
    }

    private static void wideCsv(Path file, int rows, int features) throws Exception {
        Random random = new Random(15);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int f = 0; f < features; f++) {
                out.write("f" + f + ",");
            }
            out.write("label\n");
            for (int r = 0; r < rows; r++) {
                for (int f = 0; f < features; f++) {
                    out.write(Integer.toString(random.nextInt(1000)));
                    out.write(',');
                }
                out.write(random.nextBoolean() ? "a\n" : "b\n");
            }
        }
    }
}
