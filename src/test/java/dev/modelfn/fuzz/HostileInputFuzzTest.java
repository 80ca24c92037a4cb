package dev.modelfn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.fuzz.RawHttp.Answer;
import dev.modelfn.problem.ProblemResponder;
import dev.modelfn.support.LogCapture;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sends every function about a thousand hostile requests from one seed (print: "fuzz seed"; rerun one with
 * {@code -Dfuzz.seed=<seed>}, more with {@code -Dfuzz.requests=<per function>}) and checks
 * that each is refused with a 4xx problem, none answered with a 5xx or left hanging; afterwards the known
 * iris prediction is unchanged and no file of the model store changed.
 */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class HostileInputFuzzTest {

    private static final long DEFAULT_SEED = 20261125L;
    private static final String KNOWN_ROW = "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,"
            + "\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "modelfn.store.uri")
    URI store;

    @Test
    void everyFunctionRefusesHostileInputAndKeepsServing() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int perFunction = Integer.getInteger("fuzz.requests", 1_000);
        System.out.println("fuzz seed " + seed + ", " + perFunction + " requests per function");
        Map<String, String> storeBefore = StoreSnapshot.of(Path.of(store));
        Map<String, Integer> answers = new TreeMap<>();
        Map<String, String> failures = new TreeMap<>();
        Map<String, Integer> failureCounts = new TreeMap<>();
        // every refusal is logged once, as in production; here thousands of them are expected, so they are
        // collected and checked instead of printed
        try (RawHttp http = new RawHttp(base.getPort()); LogCapture log = LogCapture.quietly(ProblemResponder.class)) {
            JsonNode known = knownPrediction(http);
            for (String function : HostileRequests.FUNCTIONS) {
                HostileRequests requests = new HostileRequests(function, seed);
                long started = System.nanoTime();
                for (int i = 0; i < perFunction; i++) {
                    HostileRequest request = requests.next();
                    String failure = check(http, request, answers);
                    if (failure != null) {
                        // one example of each kind of failure, so a report is short and names every bug
                        String kind = function + " " + request.mutation().replaceAll(":.*?(\\+|$)", "$1") + " -> "
                                + failure.replaceAll(":.*", "");
                        failureCounts.merge(kind, 1, Integer::sum);
                        failures.putIfAbsent(kind, "#" + i + " " + failure + "\n    " + request.describe());
                    }
                }
                System.out.printf("fuzz %s: %d requests in %d ms%n", function, perFunction, (System.nanoTime() - started) / 1_000_000);
            }
            System.out.println("fuzz answers " + answers);
            failures.replaceAll((kind, example) -> failureCounts.get(kind) + "x " + example);
            assertThat(failures).as("hostile requests not refused with a 4xx problem (seed " + seed + ")").isEmpty();
            assertThat(knownPrediction(http)).as("the known iris prediction after fuzzing").isEqualTo(known);
            List<String> lines = log.messages();
            System.out.println("fuzz: " + lines.size() + " refusals logged (collected, not printed)");
            assertThat(lines).as("log lines of refused hostile requests").isNotEmpty()
                    .filteredOn(line -> !LogCapture.writable(line)).isEmpty();
        }
        assertThat(StoreSnapshot.of(Path.of(store))).as("the model store after fuzzing").isEqualTo(storeBefore);
    }

    private static JsonNode knownPrediction(RawHttp http) throws Exception {
        Answer answer = http.exchange(HostileRequest.post("predict", "known", "/predict", "application/json", KNOWN_ROW));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode prediction = JSON.readTree(answer.body()).path("predictions").path(0);
        assertThat(prediction.path("label").asText()).isEqualTo("setosa");
        return prediction;
    }

    /** Null when the answer is a proper refusal; else what is wrong with it. */
    private static String check(RawHttp http, HostileRequest request, Map<String, Integer> answers) {
        Answer answer;
        try {
            answer = http.exchange(request);
        } catch (SocketTimeoutException e) {
            answers.merge("hang", 1, Integer::sum);
            return "no answer within " + RawHttp.TIMEOUT_MILLIS + " ms";
        } catch (Exception e) {
            return "the exchange failed: " + e;
        }
        if (answer.status() < 0) {
            answers.merge("closed", 1, Integer::sum);
            // a body that ends before its Content-Length leaves nothing to answer
            return request.halfClose() ? null : "the connection ended without an answer: " + answer.body();
        }
        String type = problemType(answer);
        answers.merge(answer.status() + " " + type, 1, Integer::sum);
        if (answer.status() < 400 || answer.status() > 499) {
            return "answered " + answer.status() + " " + type + ": " + clip(answer.body());
        }
        return type == null ? "answered " + answer.status() + " without a problem body: " + answer.contentType() + " "
                + clip(answer.body()) : null;
    }

    /** The problem's kind, or null when the answer is no complete problem+json object. */
    private static String problemType(Answer answer) {
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            String type = problem.path("type").asText();
            boolean complete = type.startsWith("urn:modelfn:problem:") && problem.path("status").asInt() == answer.status()
                    && !problem.path("title").asText().isBlank() && !problem.path("detail").asText().isBlank();
            return complete ? type.substring("urn:modelfn:problem:".length()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
