package dev.modelfn.train;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.model.FeaturePolicy;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.model.ClassPrediction;
import dev.modelfn.model.ModelLoader;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.ServableModel;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Text columns of a CRM export (crm_export.csv: {@code plan} basic/pro/enterprise, {@code region} with quoted
 * values holding a comma, doubled quotes and a line break) trained as categorical features and served on
 * every surface that predicts.
 */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class CategoricalFeaturesTest {

    private static final String MODEL = "churn-plan";
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
    private static final List<String> REGIONS = List.of("Central\r\nHQ", "North, East", "South", "West \"coast\"");

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    private static JsonPath trained;

    /** Trains the model every test uses, once: the first test to run trains it. */
    @BeforeEach
    void trainFromTheFile() {
        if (trained == null) {
            trained = train(Map.of("model", MODEL, "task", "classification", "target", "churned",
                    "columns", Map.of("customer_id", "ignore"), "data", Map.of("uri", "file:crm_export.csv")));
        }
    }

    @Test
    void textColumnsOfAFileBecomeCategoricalFeaturesWithTheirSortedCategories() throws Exception {
        assertThat(trained.getList("features")).containsExactly("region", "plan", "monthly_charges", "tenure_months",
                "support_calls");
        assertThat(trained.getList("categories.plan")).containsExactly("basic", "enterprise", "pro");
        assertThat(trained.getList("categories.region")).isEqualTo(REGIONS);
        assertThat(trained.getFloat("metrics.accuracy")).isGreaterThanOrEqualTo(0.75f);

        ModelMetadata metadata = storedMetadata(MODEL, trained.getString("version"));
        assertThat(metadata.categories()).containsOnlyKeys("region", "plan");
        assertThat(metadata.categories().get("plan")).containsExactly("basic", "enterprise", "pro");
        assertThat(metadata.missingValues()).doesNotContainKeys("plan", "region");

        JsonPath models = given().get("/models?model=" + MODEL).then().statusCode(200).extract().jsonPath();
        assertThat(models.getList("models[0].categories.plan")).containsExactly("basic", "enterprise", "pro");
        JsonPath described = given().get("/describe?model=" + MODEL).then().statusCode(200).extract().jsonPath();
        assertThat(described.getList("metadata.categories.region")).isEqualTo(REGIONS);
        List<Map<String, Object>> weights = described.getList("topFeatures.yes");
        assertThat(weights).isNotEmpty();
        for (Map<String, Object> weight : weights) {
            String feature = (String) weight.get("feature");
            if (feature.equals("plan") || feature.equals("region")) {
                assertThat(metadata.categories().get(feature)).contains((String) weight.get("category"));
            } else {
                assertThat(feature).doesNotContain("=");
                assertThat(weight).doesNotContainKey("category");
            }
        }
        assertThat(weights).anySatisfy(w -> assertThat(w.get("category")).isNotNull());
    }

    @Test
    void anUnseenCategoryAnswersAsTheFeatureAbsentAndIsCounted() {
        Map<String, Object> absent = row(null);
        Object absentScores = scores(absent);
        Map<String, Object> unseen = row("platinum");
        double before = unseenCount(MODEL, "plan");
        assertThat(scores(unseen)).isEqualTo(absentScores);
        assertThat(unseenCount(MODEL, "plan") - before).isEqualTo(1.0);

        // null is a missing value: the same answer, and not counted
        Map<String, Object> withNull = new HashMap<>(absent);
        withNull.put("plan", null);
        assertThat(scores(withNull)).isEqualTo(absentScores);
        assertThat(unseenCount(MODEL, "plan") - before).isEqualTo(1.0);

        // a known category changes the answer
        assertThat(scores(row("pro"))).isNotEqualTo(absentScores);
        assertThat(scores(row("basic"))).isNotEqualTo(scores(row("enterprise")));

        // a batch counts every row with an unseen category, once each
        List<Object> batch = given().body(Map.of("model", MODEL, "rows", List.of(row("gold"), row("pro"),
                row("Pro"), row("silver"), withNull))).contentType("application/json").post("/predict")
                .then().statusCode(200).extract().jsonPath(DOUBLES).getList("predictions.scores");
        assertThat(batch.get(0)).isEqualTo(absentScores);
        assertThat(batch.get(2)).isEqualTo(absentScores);
        assertThat(batch.get(3)).isEqualTo(absentScores);
        assertThat(unseenCount(MODEL, "plan") - before).isEqualTo(4.0);
        assertThat(unseenCount(MODEL, "region")).isZero();
    }

    @Test
    void aNumberForACategoricalFeatureOrAStringForANumericOneIsA400NamingRowAndFeature() {
        Map<String, Object> numberForPlan = row("pro");
        numberForPlan.put("plan", 3);
        expectProblem("/predict", json(Map.of("model", MODEL, "rows", List.of(row("pro"), numberForPlan))), 400,
                "invalid-feature-value").body("row", equalTo(1)).body("feature", equalTo("plan"))
                .body("detail", containsString("categorical"));
        Map<String, Object> stringForCharges = row("pro");
        stringForCharges.put("monthly_charges", "50");
        expectProblem("/predict", json(Map.of("model", MODEL, "features", stringForCharges)), 400,
                "invalid-feature-value").body("row", equalTo(0)).body("feature", equalTo("monthly_charges"))
                .body("detail", containsString("a string, not a number"));
    }

    @Test
    void aCloudEventTakesCategoriesToo() {
        String body = json(Map.of("model", MODEL, "features", row("pro")));
        Object label = given().body(body).contentType("application/json").post("/predict").then().statusCode(200)
                .extract().path("predictions[0].label");
        given().header("ce-specversion", "1.0").header("ce-id", "cat-1").header("ce-source", "/test")
                .header("ce-type", "modelfn.predict").contentType("application/json").body(body)
                .post("/").then().statusCode(200).body("predictions[0].label", equalTo(label));
        Map<String, Object> bad = row("pro");
        bad.put("plan", 1);
        given().header("ce-specversion", "1.0").header("ce-id", "cat-2").header("ce-source", "/test")
                .header("ce-type", "modelfn.predict").contentType("application/json")
                .body(json(Map.of("model", MODEL, "features", bad)))
                .post("/").then().statusCode(400).body("feature", equalTo("plan"));
    }

    @Test
    void v2ListsCategoricalInputsAsBytesAndTakesThemPerFeature() {
        JsonPath described = given().get("/v2/models/" + MODEL).then().statusCode(200).extract().jsonPath();
        Map<String, String> types = new HashMap<>();
        List<Map<String, Object>> inputs = described.getList("inputs");
        inputs.forEach(input -> types.put((String) input.get("name"), (String) input.get("datatype")));
        assertThat(types).containsEntry("plan", "BYTES").containsEntry("region", "BYTES")
                .containsEntry("monthly_charges", "FP64").containsEntry("support_calls", "FP64");

        List<Map<String, Object>> rows = List.of(row("pro"), row("platinum"), row("basic"));
        List<Object> labels = given().body(Map.of("model", MODEL, "rows", rows)).contentType("application/json")
                .post("/predict").then().statusCode(200).extract().jsonPath().getList("predictions.label");
        double before = unseenCount(MODEL, "plan");
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (String feature : List.of("plan", "region", "monthly_charges", "tenure_months", "support_calls")) {
            boolean text = feature.equals("plan") || feature.equals("region");
            tensors.add(Map.of("name", feature, "datatype", text ? "BYTES" : "FP64", "shape", List.of(3),
                    "data", rows.stream().map(r -> r.get(feature)).toList()));
        }
        JsonPath v2 = given().body(Map.of("inputs", tensors, "outputs", List.of(Map.of("name", "label"))))
                .contentType("application/json").post("/v2/models/" + MODEL + "/infer")
                .then().statusCode(200).extract().jsonPath();
        assertThat(v2.getList("outputs[0].data")).isEqualTo(labels);
        assertThat(unseenCount(MODEL, "plan") - before).isEqualTo(1.0);

        String matrix = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,5],\"data\":[1,2,3,4,5]}]}";
        given().body(matrix).contentType("application/json").post("/v2/models/" + MODEL + "/infer")
                .then().statusCode(400).body("error", containsString("one tensor per feature"));
    }

    @Test
    void theStoredVersionLoadsAgainAndPredictsTheSame() throws Exception {
        String version = trained.getString("version");
        Path folder = Path.of(URI.create(storeUri)).resolve(MODEL).resolve("versions").resolve(version);
        ModelMetadata metadata = storedMetadata(MODEL, version);
        ServableModel reloaded = ModelLoader.load(metadata, Files.readAllBytes(folder.resolve("model.tribuo")));
        for (String plan : new String[] { "pro", "basic", "enterprise", "platinum", null }) {
            Map<String, Object> row = row(plan);
            JsonPath answer = given().body(Map.of("model", MODEL, "version", version, "features", row))
                    .contentType("application/json").post("/predict").then().statusCode(200).extract().jsonPath(DOUBLES);
            FeatureRow features = new FeatureRow();
            row.forEach((name, value) -> {
                if (value instanceof String text) {
                    features.add(name, text);
                } else {
                    features.add(name, ((Number) value).doubleValue());
                }
            });
            ClassPrediction local = (ClassPrediction) reloaded.predict(List.of(features), FeaturePolicy.STRICT).get(0);
            assertThat(local.label()).isEqualTo(answer.getString("predictions[0].label"));
            assertThat(local.scores().get("yes")).isEqualTo(answer.getDouble("predictions[0].scores.yes"));
        }
    }

    @Test
    void inlineRowsTakeStringsAndTheModelLearnsFromThem() {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] plans = { "basic", "pro", "enterprise" };
        for (int i = 0; i < 90; i++) {
            Map<String, Object> row = new HashMap<>();
            String plan = plans[i % 3];
            row.put("plan", i == 7 ? null : plan);
            row.put("usage", (double) (i % 10));
            row.put("churned", plan.equals("pro") ? "yes" : "no");
            rows.add(row);
        }
        JsonPath result = train(Map.of("model", "inline-plan", "task", "classification", "target", "churned",
                "holdout", 0, "data", Map.of("rows", rows)));
        assertThat(result.getList("categories.plan")).containsExactly("basic", "enterprise", "pro");
        assertThat(result.getMap("metrics.missingValues")).containsExactly(Map.entry("plan", 1));
        for (String plan : plans) {
            given().body(Map.of("model", "inline-plan", "features", Map.of("plan", plan, "usage", 4)))
                    .contentType("application/json").post("/predict").then().statusCode(200)
                    .body("predictions[0].label", equalTo(plan.equals("pro") ? "yes" : "no"));
        }
    }

    @Test
    void columnsForceAKindOrDropAColumn() {
        JsonPath forced = train(Map.of("model", "churn-calls", "task", "classification", "target", "churned",
                "columns", Map.of("customer_id", "ignore", "region", "ignore", "support_calls", "categorical"),
                "data", Map.of("uri", "file:crm_export.csv")));
        assertThat(forced.getList("features")).containsExactly("plan", "monthly_charges", "tenure_months", "support_calls");
        assertThat(forced.getList("categories.support_calls", String.class)).contains("0", "1", "9").doesNotContain("0.0");
        assertThat(forced.getMap("categories")).containsOnlyKeys("plan", "support_calls");
        Map<String, Object> row = new HashMap<>(Map.of("plan", "pro", "monthly_charges", 80, "tenure_months", 3));
        row.put("support_calls", "9");
        given().body(Map.of("model", "churn-calls", "features", row)).contentType("application/json")
                .post("/predict").then().statusCode(200);
        row.put("support_calls", 9);
        expectProblem("/predict", json(Map.of("model", "churn-calls", "features", row)), 400, "invalid-feature-value")
                .body("feature", equalTo("support_calls"));

        expectProblem("/train", json(Map.of("model", "churn-numeric", "task", "classification", "target", "churned",
                "columns", Map.of("customer_id", "ignore", "plan", "numeric"), "data", Map.of("uri", "file:crm_export.csv"))),
                400, "invalid-feature-value").body("feature", equalTo("plan")).body("row", equalTo(0));
        expectProblem("/train", json(Map.of("model", "churn-target", "task", "classification", "target", "churned",
                "columns", Map.of("churned", "categorical"), "data", Map.of("uri", "file:crm_export.csv"))),
                400, "invalid-column-kind").body("column", equalTo("churned"));
    }

    @Test
    void aColumnThatWouldRepeatAnIndicatorNameIsRefused() {
        String csv = "plan,plan=pro,y\npro,1,a\nbasic,2,b\npro,3,a\nbasic,4,b\n";
        expectProblem("/train", json(Map.of("model", "clash", "task", "classification", "target", "y",
                "holdout", 0, "data", Map.of("csv", csv))), 400, "feature-name-clash")
                .body("feature", equalTo("plan=pro"));
    }

    @Test
    void aColumnWithNumbersFirstAndTextLaterKeepsItsNumbersAsCategories() {
        String csv = "code,x,y\n7,1,a\n2.5,2,b\nX9,3,a\n7,4,b\n,5,a\n";
        JsonPath result = train(Map.of("model", "codes", "task", "classification", "target", "y", "holdout", 0,
                "data", Map.of("csv", csv)));
        assertThat(result.getList("categories.code")).containsExactly("2.5", "7", "X9");
        assertThat(result.getMap("metrics.missingValues")).containsExactly(Map.entry("code", 1));
    }

    private static Map<String, Object> row(String plan) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (plan != null) {
            row.put("plan", plan);
        }
        row.put("region", "North, East");
        row.put("monthly_charges", 95.5);
        row.put("tenure_months", 4);
        row.put("support_calls", 6);
        return row;
    }

    private static Object scores(Map<String, Object> features) {
        return given().body(Map.of("model", MODEL, "features", features)).contentType("application/json")
                .post("/predict").then().statusCode(200).extract().jsonPath(DOUBLES).get("predictions[0].scores");
    }

    private ModelMetadata storedMetadata(String model, String version) throws Exception {
        return new ObjectMapper().readValue(Path.of(URI.create(storeUri)).resolve(model).resolve("versions")
                .resolve(version).resolve("metadata.json").toFile(), ModelMetadata.class);
    }

    /** modelfn_unseen_categories_total{model,feature} as /q/metrics shows it, 0 before its first count. */
    static double unseenCount(String model, String feature) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^modelfn_unseen_categories_total\\{([^}]*)\\} (\\S+)$").matcher(text);
        while (m.find()) {
            if (m.group(1).contains("model=\"" + model + "\"") && m.group(1).contains("feature=\"" + feature + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath train(Map<String, Object> request) {
        return given().body(request).contentType("application/json").post("/train")
                .then().statusCode(200).extract().jsonPath();
    }
}
