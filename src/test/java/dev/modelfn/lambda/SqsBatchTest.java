package dev.modelfn.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import dev.modelfn.problem.ProblemResponder;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs in the lambda profile only. RestAssured's default port is the Lambda mock event server, so each
 * post is one invocation of the exported function; the HTTP server is reached through {@link #health}.
 */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class SqsBatchTest {

    private static final String SETOSA = "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";
    private static final String GOOD = "{\"model\":\"iris\",\"features\":" + SETOSA + "}";

    @TestHTTPResource("/q/health/ready")
    URL health;

    @Test
    void everyRecordOfAGoodBatchSucceeds() {
        given().contentType("application/json").body(SqsEvents.batch(Map.of("m1", GOOD, "m2", GOOD)))
                .when().post()
                .then().statusCode(200).body("batchItemFailures", empty());
    }

    @Test
    void onlyTheBadRecordsOfABatchAreReportedAsFailures() {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("ok-1", GOOD);
        records.put("bad-value", GOOD.replace("5.1", "\"5.1\""));
        records.put("ok-2", GOOD);
        records.put("bad-json", "{\"model\":");
        records.put("unknown-model", GOOD.replace("iris", "tulip"));
        given().contentType("application/json").body(SqsEvents.batch(records))
                .when().post()
                .then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("bad-value", "bad-json", "unknown-model"));
    }

    @Test
    void anOverflowingRecordIsAFailedItemAndTheOthersStillSucceed() {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("ok", GOOD);
        records.put("overflow", GOOD.replace("5.1", "-1e308"));
        records.put("large-but-finite", GOOD.replace("1.4", "1e6"));
        given().contentType("application/json").body(SqsEvents.batch(records))
                .when().post()
                .then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("overflow"));
    }

    @Test
    void aFailedRecordIsLoggedOnce() {
        Logger log = Logger.getLogger(ProblemResponder.class.getName());
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            given().contentType("application/json").body(SqsEvents.batch(Map.of("bad", GOOD.replace("iris", "tulip"))))
                    .when().post()
                    .then().statusCode(200).body("batchItemFailures.itemIdentifier", contains("bad"));
        } finally {
            log.removeHandler(capture);
        }
        assertThat(lines).singleElement().asString().startsWith("Lambda predict answered 404").contains("unknown-model");
    }

    @Test
    void aDirectInvocationIsAnsweredWithThePrediction() {
        given().contentType("application/json").body(GOOD)
                .when().post()
                .then().statusCode(200)
                .body("model", equalTo("iris"))
                .body("predictions[0].label", equalTo("setosa"));
    }

    @Test
    void aDirectInvocationExplainsWhenAsked() {
        io.restassured.path.json.JsonPath answer = given().contentType("application/json")
                .body("{\"model\":\"iris\",\"explain\":{\"top\":2},\"features\":" + SETOSA + "}")
                .when().post().then().statusCode(200).extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        double total = 0;
        for (String label : List.of("setosa", "versicolor", "virginica")) {
            Map<String, Double> contributions = answer.getMap("predictions[0].explanations." + label + ".contributions");
            assertThat(contributions).hasSize(3).containsKey("(other)");
            double sum = answer.getDouble("predictions[0].explanations." + label + ".intercept");
            for (double c : contributions.values()) {
                sum += c;
            }
            double score = answer.getDouble("predictions[0].explanations." + label + ".score");
            assertThat(sum).isCloseTo(score, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(score))));
            total += Math.exp(score);
        }
        double setosa = Math.exp(answer.getDouble("predictions[0].explanations.setosa.score")) / total;
        assertThat(answer.getDouble("predictions[0].scores.setosa"))
                .isCloseTo(setosa, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theHttpServerStillAnswersHealthChecks() {
        given().when().get(health).then().statusCode(200).body("status", equalTo("UP"));
    }
}
