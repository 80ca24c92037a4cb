package dev.modelfn.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelfn.problem.ProblemResponder;
import dev.modelfn.support.LogCapture;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(OperationsProfile.class)
@WithTestResource(StoreFolderResource.class)
class FailureLogTest {

    /** Values no request in this class sends except as feature values, so that any of them in the log is a leak. */
    private static final String[] SECRET_VALUES = { "7.123456", "8.654321", "9.111111", "secret-text" };

    @Test
    void eachFailedPredictionIsLoggedOnceWithModelRowsAndLatencyButNoFeatureValue() {
        try (LogCapture log = LogCapture.of(ProblemResponder.class)) {
            String row = "{\"sepal_length_cm\":7.123456,\"sepal_width_cm\":8.654321,\"petal_length_cm\":9.111111,\"petal_width_cm\":0.2}";
            String bad = "{\"sepal_length_cm\":\"secret-text\",\"sepal_width_cm\":8.654321,\"petal_length_cm\":9.111111,\"petal_width_cm\":0.2}";
            given().contentType("application/json").body("{\"model\":\"iris\",\"rows\":[" + row + "," + row + "," + bad + "]}")
                    .post("/predict").then().statusCode(400);
            String unknown = "{\"sepal_length_cm\":7.123456,\"petal\":8.654321}";
            given().contentType("application/json").body("{\"model\":\"iris\",\"rows\":[" + row + "," + row + "," + unknown + "]}")
                    .post("/predict").then().statusCode(400);
            given().contentType("application/json").body("{\"model\":\"iris\",\"features\":" + row + "}")
                    .post("/predict").then().statusCode(200);

            List<String> lines = log.messages();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains("POST /predict answered 400", "invalid-feature-value", "model=iris", "rows=3",
                    "latencyMs=");
            assertThat(lines.get(1)).contains("POST /predict answered 400", "unknown-features", "model=iris", "rows=3", "latencyMs=");
            assertThat(lines.get(0)).containsPattern("version=\\d{8}T\\d{9}Z-[0-9a-f]{6}");
            for (String line : lines) {
                assertThat(line).doesNotContain(SECRET_VALUES);
            }
        }
    }

    @Test
    void controlCharactersFromARequestAreEscapedInTheLog() {
        try (LogCapture log = LogCapture.of(ProblemResponder.class)) {
            given().contentType("application/json")
                    .body(("{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,"
                            + "\"petal_length_cm\":1.4,\"petal_width_cm\":0.2,\"ir\\nWARN forged\\u001b[2J\\u0085is\":1}}").getBytes(
                            java.nio.charset.StandardCharsets.UTF_8))
                    .post("/predict").then().statusCode(400);

            assertThat(log.messages()).singleElement().asString()
                    .contains("ir\\u000aWARN forged\\u001b[2J\\u0085is")
                    .matches(LogCapture::writable, "is writable");
        }
    }

    @Test
    void aFailedTrainingIsLoggedOnceWithItsLatency() {
        try (LogCapture log = LogCapture.of(ProblemResponder.class)) {
            given().contentType("application/json").body("{\"model\":\"iris\",\"task\":\"classification\",\"target\":\"nope\","
                    + "\"data\":{\"uri\":\"file:iris.csv\"}}").post("/train").then().statusCode(400);

            assertThat(log.messages()).singleElement().asString()
                    .contains("POST /train answered 400", "missing-target", "model=iris", "latencyMs=");
        }
    }
}
