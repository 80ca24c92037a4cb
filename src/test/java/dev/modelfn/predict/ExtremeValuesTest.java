package dev.modelfn.predict;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.events.TestEvents;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Seeded property: whatever finite doubles a row holds, every demo model answers a 200 whose numbers
 * are all finite JSON numbers (explanations included), or a 4xx problem; never a 5xx, never "NaN". Over plain
 * HTTP and CloudEvents.
 */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class ExtremeValuesTest {

    private static final long SEED = 20261201L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The edges of the double range, and values whose products or squares overflow. */
    private static final double[] EDGES = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MIN_NORMAL, Double.MIN_NORMAL / 3, -Double.MIN_NORMAL / 7, 4.9e-320, -0.0, 0.0, 1e154, -1e154, 1e308,
        -1e308, 1e200, -1e200, 1e15, -1e15, 1.0, -1.0};

    private static final String[] IRIS = {"sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"};

    @Test
    void randomFiniteValuesNeverGiveA5xxOrANonNumber() {
        Random random = new Random(SEED);
        Tally tally = new Tally();
        for (DemoModel model : demoModels()) {
            for (int i = 0; i < 60; i++) {
                Map<String, Object> request = Map.of("model", model.name(), "features", row(model, random),
                        "explain", i % 3 == 0);
                check(post(request), 1, model, tally);
            }
            for (int i = 0; i < 25; i++) {
                List<Map<String, Double>> rows = new ArrayList<>();
                int size = 2 + random.nextInt(8);
                for (int r = 0; r < size; r++) {
                    rows.add(row(model, random));
                }
                // every other batch explained: its scores, intercepts and contributions must be finite numbers too
                check(post(Map.of("model", model.name(), "rows", rows, "explain", i % 2 == 0)), size, model, tally);
            }
        }
        // the generator must reach both outcomes, or the property says nothing
        assertTrue(tally.ok > 50, "200 answers: " + tally.ok);
        assertTrue(tally.refused > 20, "4xx answers: " + tally.refused);
    }

    @Test
    void randomFiniteValuesInCloudEventsNeverGiveA5xxOrANonNumber() throws IOException {
        Random random = new Random(SEED + 1);
        Tally tally = new Tally();
        for (DemoModel model : demoModels()) {
            for (int i = 0; i < 30; i++) {
                List<Map<String, Double>> rows = new ArrayList<>();
                int size = 1 + random.nextInt(4);
                for (int r = 0; r < size; r++) {
                    rows.add(row(model, random));
                }
                String data = JSON.writeValueAsString(Map.of("model", model.name(), "rows", rows));
                Response answer = TestEvents.ce("modelfn.predict", "x-" + i).contentType("application/json")
                        .body(data).post("/");
                check(answer, size, model, tally);
            }
        }
        assertTrue(tally.ok > 10, "200 answers: " + tally.ok);
        assertTrue(tally.refused > 5, "4xx answers: " + tally.refused);
    }

    @Test
    void anOverflowingIrisRowIsA422NamingTheRow() {
        expectProblem("/predict", "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":-1e308,"
                + "\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}", 422, "non-finite-prediction")
                .body("rows", equalTo(List.of(0)));
    }

    @Test
    void onlyTheOverflowingRowsOfABatchAreNamed() {
        String ok = "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";
        String bad = "{\"sepal_length_cm\":1e308,\"sepal_width_cm\":-1e308,\"petal_length_cm\":1e308,\"petal_width_cm\":0.2}";
        expectProblem("/predict", "{\"model\":\"iris\",\"rows\":[" + ok + "," + bad + "," + ok + "," + bad + "]}", 422,
                "non-finite-prediction")
                .body("rows", equalTo(List.of(1, 3)))
                .body("detail", org.hamcrest.Matchers.containsString("Rows 1, 3"));
    }

    @Test
    void theDiabetesModelNeverAnswersNaNForAHugeValue() {
        expectProblem("/predict", "{\"model\":\"diabetes\",\"features\":{\"age\":1e308,\"sex\":0,\"bmi\":0,\"bp\":0,"
                + "\"s1\":0,\"s2\":0,\"s3\":0,\"s4\":0,\"s5\":0,\"s6\":0}}", 422, "non-finite-prediction");
    }

    @Test
    void largeButFiniteScoresStillGiveProbabilities() throws IOException {
        // scores far beyond exp's range (|score| >> 709): a naive softmax would divide infinities
        Map<String, Object> features = new LinkedHashMap<>();
        features.put(IRIS[0], 5.1);
        features.put(IRIS[1], 3.5);
        features.put(IRIS[2], 1e6);
        features.put(IRIS[3], 1e6);
        Response answer = post(Map.of("model", "iris", "features", features));
        assertEquals(200, answer.statusCode(), answer.asString());
        JsonNode scores = JSON.readTree(answer.asString()).at("/predictions/0/scores");
        double sum = 0;
        for (JsonNode score : scores) {
            assertTrue(score.isNumber() && score.asDouble() >= 0 && score.asDouble() <= 1, scores.toString());
            sum += score.asDouble();
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals("virginica", JSON.readTree(answer.asString()).at("/predictions/0/label").asText());
    }

    private static Response post(Map<String, Object> request) {
        return given().body(request).contentType("application/json").post("/predict");
    }

    private static void check(Response answer, int rows, DemoModel model, Tally tally) {
        int status = answer.statusCode();
        String body = answer.asString();
        if (status == 200) {
            JsonNode predictions = read(body).get("predictions");
            assertEquals(rows, predictions.size(), body);
            for (JsonNode prediction : predictions) {
                assertFiniteNumbers(prediction, body);
                if (model.classifier()) {
                    assertTrue(prediction.get("label").isTextual(), body);
                }
            }
            tally.ok++;
        } else if (status >= 400 && status < 500) {
            assertTrue(answer.contentType().startsWith("application/problem+json"), body);
            JsonNode problem = read(body);
            assertEquals(status, problem.get("status").asInt(), body);
            if (status == 422) {
                assertEquals("urn:modelfn:problem:non-finite-prediction", problem.get("type").asText(), body);
                assertFalse(problem.get("rows").isEmpty(), body);
            }
            tally.refused++;
        } else {
            fail("status " + status + " for model " + model.name() + ": " + body);
        }
    }

    private static void assertFiniteNumbers(JsonNode node, String body) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("label")) {
                    assertFiniteNumbers(field.getValue(), body);
                }
            }
        } else {
            assertTrue(node.isNumber() && Double.isFinite(node.asDouble()), "not a finite number: " + node + " in " + body);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row mixing edge values, random bit patterns (any finite double) and ordinary magnitudes. */
    private static Map<String, Double> row(DemoModel model, Random random) {
        Map<String, Double> row = new LinkedHashMap<>();
        for (String feature : model.features()) {
            row.put(feature, value(random));
        }
        return row;
    }

    private static double value(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return EDGES[random.nextInt(EDGES.length)];
            case 1: {
                double any;
                do {
                    any = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(any));
                return any;
            }
            case 2:
                return random.nextGaussian() * Math.pow(10, random.nextInt(20));
            default:
                return random.nextGaussian();
        }
    }

    record DemoModel(String name, List<String> features, boolean classifier) {
    }

    /** Every model shipped in models/, with its features as its metadata lists them. */
    private static List<DemoModel> demoModels() {
        List<DemoModel> models = new ArrayList<>();
        try (Stream<Path> metadata = Files.walk(Path.of("models"))) {
            for (Path file : metadata.filter(p -> p.getFileName().toString().equals("metadata.json")).toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                List<String> features = new ArrayList<>();
                node.get("features").forEach(f -> features.add(f.asText()));
                models.add(new DemoModel(node.get("name").asText(), features,
                        node.get("task").asText().equals("classification")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(models.size() >= 2, "demo models: " + models);
        return models;
    }

    private static final class Tally {
        int ok;
        int refused;
    }
}
