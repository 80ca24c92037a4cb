package dev.modelfn.train;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** CSV as customers export it (crm_export.csv: BOM, CRLF, quoted separators, doubled quotes, line breaks in quotes). */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class CustomerCsvTest {

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    private static final List<String> NUMERIC = List.of("monthly_charges", "tenure_months", "support_calls");

    @Test
    void aCrmExportTrainsFromTheDataFolderAndServes() {
        JsonPath result = train(Map.of("model", "churn", "task", "classification", "target", "churned",
                "features", NUMERIC, "data", Map.of("uri", "file:crm_export.csv")));
        // 240 rows, 3 of them with an empty target
        assertThat(result.getInt("trainRows") + result.getInt("testRows")).isEqualTo(237);
        assertThat(result.getInt("metrics.rowsWithoutTarget")).isEqualTo(3);
        assertThat(result.getMap("metrics.missingValues")).containsExactly(
                Map.entry("monthly_charges", 12), Map.entry("tenure_months", 10));
        assertThat(result.getFloat("metrics.accuracy")).isGreaterThanOrEqualTo(0.75f);
        given().body(Map.of("model", "churn", "features", Map.of("monthly_charges", 110.8, "tenure_months", 2,
                "support_calls", 9))).contentType("application/json").post("/predict")
                .then().statusCode(200).body("predictions[0].label", equalTo("yes"));
    }

    @Test
    void aColumnWithEmptyCellsInTrainingMayBeNullOrAbsentAtPredict() throws Exception {
        JsonPath result = train(Map.of("model", "churn-missing", "task", "classification", "target", "churned",
                "features", NUMERIC, "data", Map.of("uri", "file:crm_export.csv")));
        JsonNode metadata = new ObjectMapper().readTree(Path.of(URI.create(storeUri)).resolve("churn-missing/versions")
                .resolve(result.getString("version")).resolve("metadata.json").toFile());
        double meanCharge = metadata.at("/missingValues/monthly_charges").asDouble();
        assertThat(meanCharge).isBetween(60.0, 80.0);
        assertThat(metadata.at("/missingValues").size()).isEqualTo(2);

        Map<String, Object> withMean = Map.of("monthly_charges", meanCharge, "tenure_months", 3, "support_calls", 1);
        Map<String, Object> scores = given().body(Map.of("model", "churn-missing", "features", withMean))
                .contentType("application/json").post("/predict").then().statusCode(200)
                .extract().jsonPath().getMap("predictions[0].scores");
        // null and an absent key both mean "the training mean"
        given().body("{\"model\":\"churn-missing\",\"rows\":[{\"monthly_charges\":null,\"tenure_months\":3,"
                + "\"support_calls\":1},{\"tenure_months\":3,\"support_calls\":1}]}")
                .contentType("application/json").post("/predict").then().statusCode(200)
                .body("predictions[0].scores", equalTo(scores))
                .body("predictions[1].scores", equalTo(scores));
        // a column that never had a missing value still needs one
        expectProblem("/predict", "{\"model\":\"churn-missing\",\"features\":{\"monthly_charges\":50,"
                + "\"tenure_months\":3,\"support_calls\":null}}", 400, "invalid-feature-value")
                .body("feature", equalTo("support_calls")).body("row", equalTo(0));
    }

    @Test
    void theSameExportWithSemicolonsReadsTheSameWithOrWithoutTheSeparatorGiven() throws Exception {
        String commas = Files.readString(Path.of("src/test/resources/data/crm_export.csv"), StandardCharsets.UTF_8);
        String semicolons = toSemicolons(commas);
        float base = train(Map.of("model", "churn-commas", "task", "classification", "target", "churned",
                "features", NUMERIC, "data", Map.of("csv", commas))).getFloat("metrics.accuracy");
        float detected = train(Map.of("model", "churn-detected", "task", "classification", "target", "churned",
                "features", NUMERIC, "data", Map.of("csv", semicolons))).getFloat("metrics.accuracy");
        float given = train(Map.of("model", "churn-given", "task", "classification", "target", "churned",
                "features", NUMERIC, "data", Map.of("csv", semicolons, "separator", ";"))).getFloat("metrics.accuracy");
        assertThat(detected).isEqualTo(base);
        assertThat(given).isEqualTo(base);
    }

    @Test
    void inlineRowsTakeNullAndBlankCellsAsMissingAndSkipRowsWithoutTarget() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("x", i % 7 == 0 ? null : i % 11 == 0 ? " " : (Object) (double) i);
            row.put("z", (double) (i % 5));
            row.put("y", i == 3 ? null : i == 4 ? "" : i < 20 ? "low" : "high");
            rows.add(row);
        }
        JsonPath result = train(Map.of("model", "inline-missing", "task", "classification", "target", "y",
                "holdout", 0, "data", Map.of("rows", rows)));
        assertThat(result.getInt("trainRows")).isEqualTo(38);
        assertThat(result.getInt("metrics.rowsWithoutTarget")).isEqualTo(2);
        // x is null at 0, 7, 14, 21, 28, 35 and blank at 11, 22, 33
        assertThat(result.getMap("metrics.missingValues")).containsExactly(Map.entry("x", 9));
        expectProblem("/train", "{\"model\":\"no-target\",\"task\":\"classification\",\"target\":\"y\","
                + "\"data\":{\"rows\":[{\"x\":1,\"y\":null},{\"x\":2,\"y\":\"\"}]}}", 400, "no-target-values");
    }

    @Test
    void columnsOverridesLeaveTextColumnsOut() {
        JsonPath result = train(Map.of("model", "churn-columns", "task", "classification", "target", "churned",
                "columns", Map.of("customer_id", "ignore", "region", "ignore", "plan", "ignore"),
                "data", Map.of("uri", "file:crm_export.csv")));
        assertThat(result.getList("features")).isEqualTo(NUMERIC);
    }

    @Test
    void textInAColumnDeclaredNumericIsA400ThatSaysHowToLeaveItOut() {
        expectProblem("/train", "{\"model\":\"churn-text\",\"task\":\"classification\",\"target\":\"churned\","
                + "\"columns\":{\"customer_id\":\"numeric\"},\"data\":{\"uri\":\"file:crm_export.csv\"}}", 400,
                "invalid-feature-value")
                .body("row", equalTo(0)).body("feature", equalTo("customer_id"))
                .body("detail", containsString("\"columns\": {\"customer_id\": \"ignore\"}"));
        expectProblem("/train", "{\"model\":\"churn-text\",\"task\":\"classification\",\"target\":\"churned\","
                + "\"columns\":{\"customer\":\"ignore\"},\"data\":{\"uri\":\"file:crm_export.csv\"}}", 400,
                "unknown-column").body("column", equalTo("customer"));
        expectProblem("/train", "{\"model\":\"churn-text\",\"task\":\"classification\",\"target\":\"churned\","
                + "\"columns\":{\"plan\":\"text\"},\"data\":{\"uri\":\"file:crm_export.csv\"}}", 400,
                "invalid-column-kind").body("column", equalTo("plan"));
    }

    @Test
    void aHeaderWithDuplicateOrEmptyNamesIsA400NamingThem() {
        expectProblem("/train", "{\"model\":\"dup\",\"task\":\"classification\",\"target\":\"y\",\"data\":{\"csv\":"
                + "\"a,b,a,,y\\n1,2,3,4,p\\n5,6,7,8,q\\n\"}}", 400, "invalid-header")
                .body("duplicates", equalTo(List.of("a")))
                .body("emptyColumns", equalTo(List.of(3)))
                .body("detail", containsString("[a]"));
    }

    @Test
    void anUnknownSeparatorIsA400() {
        expectProblem("/train", "{\"model\":\"sep\",\"task\":\"classification\",\"target\":\"y\",\"data\":{\"csv\":"
                + "\"a,y\\n1,p\\n\",\"separator\":\"::\"}}", 400, "invalid-separator");
    }

    /** Commas outside quotes become semicolons; quoted text (which holds commas) stays as it is. */
    private static String toSemicolons(String csv) {
        StringBuilder out = new StringBuilder(csv.length());
        boolean quoted = false;
        for (char c : csv.toCharArray()) {
            quoted ^= c == '"';
            out.append(c == ',' && !quoted ? ';' : c);
        }
        return out.toString();
    }

    private static JsonPath train(Map<String, Object> request) {
        return given().body(request).contentType("application/json").post("/train")
                .then().statusCode(200).extract().jsonPath();
    }
}
