package dev.modelfn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.AppProcess;
import dev.modelfn.support.CsvRows;
import dev.modelfn.support.OneShotHttp;
import dev.modelfn.support.OneShotHttp.Outcome;

/**
 * SIGTERM to the packaged application under load, as Kubernetes and Knative send on every scale-down: readiness
 * turns DOWN at once, predictions on fresh connections keep being answered through the shutdown delay, and no
 * request is cut off. The clients play a load balancer that sees readiness DOWN and stops sending a second later,
 * within the delay, which is what the delay is for. A training in flight finishes with its pointer written, or
 * leaves the pointer alone; once the process is gone, connections are refused.
 */
class ShutdownIT {

    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sent(long at, OneShotHttp.Result result) {
    }

    @Test
    void sigtermUnderLoadCutsNoRequestOff() throws Exception {
        try (AppProcess app = AppProcess.start(List.of("-Xmx256m"),
                Map.of("quarkus.shutdown.delay", "3s", "modelfn.auth.enabled", "false"))) {
            byte[] batch = JSON.writeValueAsBytes(Map.of("model", "iris", "rows", rows(200)));
            String currentBefore = Files.readString(app.store().resolve("iris/current")).trim();
            ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
            AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                load.add(clients.submit(() -> {
                    // keep sending until the balancer has noticed readiness DOWN
                    while (System.nanoTime() < stopAt.get()) {
                        OneShotHttp.Result result = OneShotHttp.post(app.port(), "/predict", batch, 30_000);
                        sent.add(new Sent(System.nanoTime(), result));
                    }
                    return null;
                }));
            }
            Thread.sleep(1500);
            Future<OneShotHttp.Result> training = clients.submit(() -> OneShotHttp.post(app.port(), "/train",
                    trainBody(), 60_000));
            Thread.sleep(300);

            long sigterm = System.nanoTime();
            app.process().destroy(); // SIGTERM
            // the signal is delivered and handled asynchronously: readiness must turn DOWN well within the delay
            int readiness = app.status("/q/health/ready");
            while (readiness != 503 && System.nanoTime() - sigterm < 2_000_000_000L) {
                Thread.sleep(20);
                readiness = app.status("/q/health/ready");
            }
            long readinessMillis = (System.nanoTime() - sigterm) / 1_000_000;
            stopAt.set(System.nanoTime() + 1_000_000_000L);

            for (Future<?> client : load) {
                client.get(90, TimeUnit.SECONDS);
            }
            OneShotHttp.Result trained = training.get(90, TimeUnit.SECONDS);
            clients.shutdown();
            assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(OneShotHttp.post(app.port(), "/predict", batch, 5_000).outcome()).isEqualTo(Outcome.REFUSED);

            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            int answeredAfterSigterm = 0;
            List<String> cutOff = new ArrayList<>();
            for (Sent s : sent) {
                counts.merge(s.result().outcome(), 1, Integer::sum);
                if (s.result().outcome() == Outcome.CUT_OFF) {
                    cutOff.add(s.result().failure());
                }
                if (s.result().outcome() == Outcome.ANSWERED && s.result().status() == 200 && s.at() > sigterm) {
                    answeredAfterSigterm++;
                }
                if (s.result().outcome() == Outcome.ANSWERED) {
                    assertThat(s.result().status()).as(s.result().body()).isIn(200, 503);
                }
            }
            System.out.printf("ShutdownIT: %s, %d answered 200 after SIGTERM, readiness %d after %d ms%n", counts,
                    answeredAfterSigterm, readiness, readinessMillis);
            assertThat(readiness).as("readiness within 2 s of SIGTERM (the delay is 3 s)").isEqualTo(503);
            assertThat(cutOff).as("requests cut off").isEmpty();
            assertThat(counts.getOrDefault(Outcome.REFUSED, 0)).as("refused while the function still ran").isZero();
            assertThat(answeredAfterSigterm).as("served during the shutdown delay").isPositive();
            assertThat(counts.getOrDefault(Outcome.ANSWERED, 0)).isGreaterThan(CLIENTS * 3);

            String currentAfter = Files.readString(app.store().resolve("iris/current")).trim();
            assertThat(trained.outcome()).as("the training: " + trained.failure()).isNotEqualTo(Outcome.CUT_OFF);
            if (trained.outcome() == Outcome.ANSWERED && trained.status() == 200) {
                String version = JSON.readTree(trained.body()).get("version").asText();
                assertThat(currentAfter).isEqualTo(version);
                assertThat(app.store().resolve("iris/versions/" + version + "/metadata.json")).exists();
            } else {
                assertThat(currentAfter).isEqualTo(currentBefore);
            }
        }
    }

    private static List<Map<String, Object>> rows(int count) {
        return CsvRows.load("iris.csv", "species").cycled(count);
    }

    /** Iris repeated to some 60,000 rows: a training that takes a moment, so that SIGTERM finds it running. */
    private static byte[] trainBody() throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/data/iris.csv"));
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        String body = csv.substring(header.length());
        StringBuilder data = new StringBuilder(header);
        for (int i = 0; i < 400; i++) {
            data.append(body);
            if (!body.endsWith("\n")) {
                data.append('\n');
            }
        }
        return JSON.writeValueAsString(Map.of("model", "iris", "task", "classification", "target", "species",
                "data", Map.of("csv", data.toString()))).getBytes(StandardCharsets.UTF_8);
    }
}
