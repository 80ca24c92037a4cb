package dev.modelfn.explain;

import static dev.modelfn.events.TestEvents.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.events.TestEvents;
import dev.modelfn.support.CsvRows;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Explanations through /predict and CloudEvents: over whole datasets, for both model kinds, standardised and not,
 * the intercept plus the contributions is the score, the softmax of a logistic model's scores is its probabilities,
 * a hinge model's scores are its scores, and a regression's score is its value; each contribution moves with its
 * own feature only; {@code top} keeps the largest and sums the rest; a categorical feature is explained once.
 */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class ExplainTest {

    private static final double RELATIVE = 1e-9;
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
    private static final List<String> IRIS = List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm");

    @Test
    void theScoresAddUpAndGiveThePredictionsOverWholeDatasets() {
        CsvRows iris = CsvRows.load("iris.csv", "species");
        CsvRows diabetes = CsvRows.load("diabetes.csv", "target");
        identities("iris", iris.rows());
        identities("diabetes", diabetes.rows());
        for (boolean standardize : List.of(true, false)) {
            for (String objective : List.of("logistic", "hinge")) {
                String model = "explain-" + objective + "-" + standardize;
                train(model, "classification", "species", "file:iris.csv", objective, standardize);
                identities(model, iris.rows());
            }
            String model = "explain-squared-" + standardize;
            train(model, "regression", "target", "file:diabetes.csv", "squared", standardize);
            identities(model, diabetes.rows());
        }
        train("explain-cancer", "classification", "diagnosis", "file:breast_cancer.csv", "logistic", true);
        identities("explain-cancer", CsvRows.load("breast_cancer.csv", "diagnosis").rows());
    }

    @Test
    void aContributionMovesWithItsOwnFeatureOnly() {
        for (boolean standardize : List.of(true, false)) {
            String model = "explain-linear-" + standardize;
            train(model, "classification", "species", "file:iris.csv", "logistic", standardize);
            Map<String, Object> row = new HashMap<>(Map.of("sepal_length_cm", 6.1, "sepal_width_cm", 2.8,
                    "petal_length_cm", 4.7, "petal_width_cm", 1.2));
            Map<String, Object> moved = new HashMap<>(row);
            moved.put("petal_length_cm", 5.7);
            Map<String, Object> further = new HashMap<>(row);
            further.put("petal_length_cm", 6.7);
            JsonPath answer = explain(model, List.of(row, moved, further), true);
            for (String label : List.of("setosa", "versicolor", "virginica")) {
                String at = "predictions[%d].explanations." + label;
                for (String feature : IRIS) {
                    double first = answer.getDouble(at.formatted(0) + ".contributions." + feature);
                    double second = answer.getDouble(at.formatted(1) + ".contributions." + feature);
                    double third = answer.getDouble(at.formatted(2) + ".contributions." + feature);
                    if (feature.equals("petal_length_cm")) {
                        // linear in the value: equal steps in the value, equal steps in the contribution
                        assertThat(third - second).as(model + " " + label).isCloseTo(second - first, offset(1e-9));
                        assertThat(answer.getDouble(at.formatted(1) + ".score") - answer.getDouble(at.formatted(0) + ".score"))
                                .isCloseTo(second - first, offset(1e-9));
                    } else {
                        assertThat(second).as(model + " " + label + " " + feature).isEqualTo(first);
                    }
                }
                assertThat(answer.getDouble(at.formatted(0) + ".intercept"))
                        .isEqualTo(answer.getDouble(at.formatted(2) + ".intercept"));
            }
        }
        // without standardisation the value the model sees is the raw one: a zero contributes nothing
        JsonPath zero = explain("explain-linear-false", List.of(Map.of("sepal_length_cm", 0, "sepal_width_cm", 3.0,
                "petal_length_cm", 4.0, "petal_width_cm", 1.0)), true);
        assertThat(zero.getDouble("predictions[0].explanations.setosa.contributions.sepal_length_cm")).isZero();
    }

    @Test
    void aMissingValueOfAStandardisedModelContributesNothing() {
        String csv = String.join("\n", "x,y,label", "1.0,,a", "2.0,5.0,b", "1.5,4.0,a", "3.0,6.0,b", "2.5,,b", "0.5,3.0,a");
        given().contentType("application/json").body(Map.of("model", "explain-missing", "task", "classification",
                "target", "label", "data", Map.of("csv", csv), "trainer", Map.of("epochs", 5)))
                .post("/train").then().statusCode(200);
        Map<String, Object> row = new HashMap<>();
        row.put("x", 2.0);
        row.put("y", null);
        JsonPath answer = explain("explain-missing", List.of(row), true);
        assertThat(answer.getDouble("predictions[0].explanations.a.contributions.y")).isZero();
        assertThat(answer.getDouble("predictions[0].explanations.a.contributions.x")).isNotZero();
        identities("explain-missing", List.of(row));
    }

    @Test
    void topKeepsTheLargestAndSumsTheRestAsOther() {
        train("explain-top", "classification", "diagnosis", "file:breast_cancer.csv", "logistic", true);
        List<Map<String, Object>> rows = CsvRows.load("breast_cancer.csv", "diagnosis").rows().subList(0, 20);
        JsonPath all = explain("explain-top", rows, true);
        JsonPath top = explain("explain-top", rows, Map.of("top", 3));
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Map<String, Object>> full = all.getMap("predictions[" + r + "].explanations");
            Map<String, Map<String, Object>> kept = top.getMap("predictions[" + r + "].explanations");
            assertThat(kept.keySet()).isEqualTo(full.keySet());
            for (String output : full.keySet()) {
                Map<String, Number> everything = contributions(full.get(output));
                Map<String, Number> three = contributions(kept.get(output));
                List<String> names = new ArrayList<>(three.keySet());
                assertThat(names).hasSize(4).endsWith("(other)");
                // the largest magnitudes, largest first, with the values the full explanation gives
                List<String> largest = everything.entrySet().stream()
                        .sorted((a, b) -> Double.compare(Math.abs(b.getValue().doubleValue()), Math.abs(a.getValue().doubleValue())))
                        .limit(3).map(Map.Entry::getKey).toList();
                assertThat(names.subList(0, 3)).isEqualTo(largest);
                double rest = 0;
                for (Map.Entry<String, Number> c : everything.entrySet()) {
                    if (!largest.contains(c.getKey())) {
                        rest += c.getValue().doubleValue();
                    } else {
                        assertThat(three.get(c.getKey()).doubleValue()).isEqualTo(c.getValue().doubleValue());
                    }
                }
                assertThat(three.get("(other)").doubleValue()).isCloseTo(rest, offset(1e-9 * Math.max(1, Math.abs(rest))));
                assertThat(((Number) kept.get(output).get("score")).doubleValue())
                        .isEqualTo(((Number) full.get(output).get("score")).doubleValue());
            }
        }
        // a top of at least the feature count keeps everything, with no "(other)"
        JsonPath wide = explain("iris", List.of(Map.of("sepal_length_cm", 5.1, "sepal_width_cm", 3.5,
                "petal_length_cm", 1.4, "petal_width_cm", 0.2)), Map.of("top", 4));
        assertThat(contributions(wide.getMap("predictions[0].explanations.setosa")).keySet())
                .containsExactlyInAnyOrderElementsOf(IRIS);
    }

    @Test
    void aCategoricalFeatureIsExplainedOnceUnderItsColumn() {
        given().contentType("application/json").body(Map.of("model", "explain-crm", "task", "classification",
                "target", "churned", "data", Map.of("uri", "file:crm_export.csv"),
                "columns", Map.of("customer_id", "ignore"), "trainer", Map.of("epochs", 5)))
                .post("/train").then().statusCode(200);
        Map<String, Object> row = new HashMap<>(Map.of("region", "West \"coast\"", "plan", "pro",
                "monthly_charges", 64.72, "tenure_months", 12, "support_calls", 3));
        Map<String, Object> unseen = new HashMap<>(row);
        unseen.put("plan", "platinum");
        JsonPath answer = explain("explain-crm", List.of(row, unseen), true);
        Map<String, Map<String, Object>> explanations = answer.getMap("predictions[0].explanations");
        for (Map<String, Object> explanation : explanations.values()) {
            assertThat(contributions(explanation).keySet()).containsExactlyInAnyOrder("region", "plan",
                    "monthly_charges", "tenure_months", "support_calls");
        }
        identities("explain-crm", List.of(row, unseen));
    }

    @Test
    void withoutExplainOrWithFalseThereAreNoExplanations() {
        Map<String, Object> setosa = Map.of("sepal_length_cm", 5.1, "sepal_width_cm", 3.5, "petal_length_cm", 1.4,
                "petal_width_cm", 0.2);
        given().contentType("application/json").body(Map.of("model", "iris", "features", setosa))
                .post("/predict").then().statusCode(200).body("predictions[0].explanations", nullValue());
        given().contentType("application/json").body(Map.of("model", "iris", "features", setosa, "explain", false))
                .post("/predict").then().statusCode(200).body("predictions[0].explanations", nullValue());
    }

    @Test
    void aBadExplainIsAProblem() {
        String row = "\"features\":{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";
        for (String explain : List.of("\"yes\"", "1", "{\"top\":0}", "{\"top\":2.5}", "{\"top\":-1}", "{}",
                "{\"top\":2,\"top\":3}", "{\"bottom\":2}", "[true]")) {
            given().contentType("application/json").body("{\"model\":\"iris\"," + row + ",\"explain\":" + explain + "}")
                    .post("/predict").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:modelfn:problem:invalid-explain"));
        }
    }

    @Test
    void predictEventsAreExplainedToo() {
        String request = "{\"model\":\"diabetes\",\"explain\":{\"top\":2},\"features\":{\"age\":0.04,\"sex\":0.05,"
                + "\"bmi\":0.06,\"bp\":0.02,\"s1\":-0.04,\"s2\":-0.03,\"s3\":-0.04,\"s4\":-0.002,\"s5\":0.02,\"s6\":-0.02}}";
        JsonPath binary = TestEvents.ce("modelfn.predict", "explain-1").contentType("application/json").body(request).post("/")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
        checkRegression(binary, "");
        JsonPath structured = given().contentType("application/cloudevents+json")
                .body(event("modelfn.predict", "explain-2", request)).post("/")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
        checkRegression(structured, "data.");
    }

    private static void checkRegression(JsonPath answer, String prefix) {
        String at = prefix + "predictions[0]";
        Map<String, Object> explanation = answer.getMap(at + ".explanations.target");
        assertThat(contributions(explanation).keySet()).hasSize(3).contains("(other)");
        assertThat(((Number) explanation.get("score")).doubleValue()).isCloseTo(answer.getDouble(at + ".value"),
                offset(RELATIVE * Math.abs(answer.getDouble(at + ".value"))));
    }

    /** Checks the explanation identities of {@code model} on {@code rows}. */
    static void identities(String model, List<Map<String, Object>> rows) {
        JsonPath described = given().get("/describe?model=" + model).then().statusCode(200).extract().jsonPath();
        boolean classification = "classification".equals(described.getString("metadata.task"));
        boolean probabilities = !"raw".equals(described.getString("metadata.scores"));
        List<String> features = described.getList("metadata.features", String.class);
        List<String> outputs = described.getList("metadata.outputs", String.class);
        List<Map<String, Object>> predictions = explain(model, rows, true).getList("predictions");
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> prediction = predictions.get(r);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> explanations = (Map<String, Map<String, Object>>) prediction.get("explanations");
            assertThat(new ArrayList<>(explanations.keySet())).as(model + " row " + r).isEqualTo(outputs);
            double[] scores = new double[outputs.size()];
            for (int o = 0; o < outputs.size(); o++) {
                Map<String, Object> explanation = explanations.get(outputs.get(o));
                Map<String, Number> contributions = contributions(explanation);
                assertThat(contributions.keySet()).as(model + " row " + r).containsExactlyInAnyOrderElementsOf(features);
                double sum = ((Number) explanation.get("intercept")).doubleValue();
                double previous = Double.POSITIVE_INFINITY;
                for (Number contribution : contributions.values()) {
                    sum += contribution.doubleValue();
                    assertThat(Math.abs(contribution.doubleValue())).as("largest first").isLessThanOrEqualTo(previous);
                    previous = Math.abs(contribution.doubleValue());
                }
                scores[o] = ((Number) explanation.get("score")).doubleValue();
                assertThat(sum).as(model + " row " + r + " " + outputs.get(o)).isCloseTo(scores[o], relative(scores[o]));
            }
            if (!classification) {
                assertThat(((Number) prediction.get("value")).doubleValue()).as(model + " row " + r)
                        .isCloseTo(scores[0], relative(scores[0]));
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double score : scores) {
                max = Math.max(max, score);
            }
            double total = 0;
            for (double score : scores) {
                total += Math.exp(score - max);
            }
            @SuppressWarnings("unchecked")
            Map<String, Number> returned = (Map<String, Number>) prediction.get("scores");
            for (int o = 0; o < outputs.size(); o++) {
                double expected = probabilities ? Math.exp(scores[o] - max) / total : scores[o];
                assertThat(returned.get(outputs.get(o)).doubleValue()).as(model + " row " + r + " " + outputs.get(o))
                        .isCloseTo(expected, relative(expected));
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> relative(double expected) {
        return offset(RELATIVE * Math.max(1.0, Math.abs(expected)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> contributions(Map<String, Object> explanation) {
        return new LinkedHashMap<>((Map<String, Number>) explanation.get("contributions"));
    }

    static JsonPath explain(String model, List<Map<String, Object>> rows, Object explain) {
        return given().contentType("application/json").body(Map.of("model", model, "rows", rows, "explain", explain))
                .post("/predict").then().statusCode(200).extract().jsonPath().using(DOUBLES);
    }

    private static void train(String model, String task, String target, String uri, String objective, boolean standardize) {
        given().contentType("application/json").body(Map.of("model", model, "task", task, "target", target,
                "data", Map.of("uri", uri), "standardize", standardize,
                "trainer", Map.of("objective", objective, "epochs", 5))).post("/train").then().statusCode(200);
    }
}
