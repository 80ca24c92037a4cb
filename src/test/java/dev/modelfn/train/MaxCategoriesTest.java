package dev.modelfn.train;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** modelfn.train.max-categories=3: an ID column, or any column with more values, is refused before it becomes features. */
@QuarkusTest
@TestProfile(MaxCategoriesTest.ThreeCategories.class)
class MaxCategoriesTest {

    public static class ThreeCategories implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("modelfn.train.max-categories", "3");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreFolderResource.class));
        }
    }

    @Test
    void aColumnWithMoreValuesThanTheLimitIsA400SayingHowToOverride() {
        // customer_id has 240 distinct values
        expectProblem("/train", "{\"model\":\"ids\",\"task\":\"classification\",\"target\":\"churned\","
                + "\"data\":{\"uri\":\"file:crm_export.csv\"}}", 400, "too-many-categories")
                .body("column", equalTo("customer_id")).body("categories", equalTo(240)).body("maxCategories", equalTo(3))
                .body("detail", containsString("modelfn.train.max-categories"))
                .body("detail", containsString("\"columns\": {\"customer_id\": \"ignore\"}"));
        // region has 4
        expectProblem("/train", "{\"model\":\"ids\",\"task\":\"classification\",\"target\":\"churned\","
                + "\"columns\":{\"customer_id\":\"ignore\"},\"data\":{\"uri\":\"file:crm_export.csv\"}}", 400,
                "too-many-categories").body("column", equalTo("region")).body("categories", equalTo(4));
        expectProblem("/train", "{\"model\":\"ids\",\"task\":\"classification\",\"target\":\"y\",\"data\":{\"rows\":["
                + "{\"c\":\"a\",\"y\":\"p\"},{\"c\":\"b\",\"y\":\"q\"},{\"c\":\"c\",\"y\":\"p\"},{\"c\":\"d\",\"y\":\"q\"}]}}",
                400, "too-many-categories").body("column", equalTo("c")).body("categories", equalTo(4));
        // plan has 3: within the limit
        given().body("{\"model\":\"plans\",\"task\":\"classification\",\"target\":\"churned\","
                + "\"columns\":{\"customer_id\":\"ignore\",\"region\":\"ignore\"},\"data\":{\"uri\":\"file:crm_export.csv\"}}")
                .contentType("application/json").post("/train").then().statusCode(200)
                .body("categories.plan.size()", equalTo(3));
    }
}
