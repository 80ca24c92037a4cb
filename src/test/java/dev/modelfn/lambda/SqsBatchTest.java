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
    void theHttpServerStillAnswersHealthChecks() {
        given().when().get(health).then().statusCode(200).body("status", equalTo("UP"));
    }
}
