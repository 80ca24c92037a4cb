package dev.modelfn.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.problem.ProblemResponder;
import dev.modelfn.support.LogCapture;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing switched on, a request's log line belongs to the trace its caller started; with JSON logs
 * switched on, the console writes that line as JSON with the trace id among its fields.
 */
@QuarkusTest
@TestProfile(TracingTest.Traced.class)
@WithTestResource(StoreFolderResource.class)
class TracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** Tracing on, with no exporter at all (nothing is sent anywhere), and JSON logs. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.enabled", "true", "quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.log.console.json.enabled", "true");
        }
    }

    @Test
    void aFailedRequestIsLoggedInTheTraceOfItsTraceparentHeader() {
        try (LogCapture log = LogCapture.of(ProblemResponder.class)) {
            given().header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01").contentType("application/json")
                    .body("{\"model\":\"tulip\",\"features\":{\"x\":1.0}}").post("/predict").then().statusCode(404);

            assertThat(log.records()).singleElement().extracting(r -> r.getMdc("traceId")).isEqualTo(TRACE);
        }
    }

    @Test
    void theConsoleWritesTheFailureLineAsJsonWithItsTraceId() throws Exception {
        try (LogCapture log = LogCapture.of(ProblemResponder.class)) {
            given().header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01").contentType("application/json")
                    .body("{\"model\":\"iris\",\"rows\":[{\"sepal_length_cm\":5.1}]}").post("/predict").then().statusCode(400);

            String line = LogCapture.consoleFormatter().format(log.records().get(0));
            JsonNode json = new ObjectMapper().readTree(line);
            assertThat(json.path("level").asText()).isEqualTo("WARN");
            assertThat(json.path("loggerName").asText()).isEqualTo(ProblemResponder.class.getName());
            assertThat(json.path("message").asText()).contains("missing-features", "model=iris", "rows=1", "latencyMs=");
            assertThat(json.path("mdc").path("traceId").asText()).isEqualTo(TRACE);
        }
    }

    @Test
    void aStructuredCloudEventIsHandledInTheTraceOfItsTraceparentAttribute() {
        try (LogCapture log = LogCapture.of(ProblemResponder.class)) {
            given().contentType("application/cloudevents+json")
                    .body("{\"specversion\":\"1.0\",\"id\":\"t-1\",\"source\":\"/test\",\"type\":\"modelfn.predict\","
                            + "\"traceparent\":\"00-" + TRACE + "-00f067aa0ba902b7-01\","
                            + "\"data\":{\"model\":\"tulip\",\"features\":{\"x\":1.0}}}")
                    .post("/").then().statusCode(404);

            assertThat(log.records()).singleElement().extracting(r -> r.getMdc("traceId")).isEqualTo(TRACE);
        }
    }

    @Test
    void aBinaryCloudEventIsHandledInTheTraceOfItsTraceparentExtension() {
        try (LogCapture log = LogCapture.of(ProblemResponder.class)) {
            given().header("ce-specversion", "1.0").header("ce-id", "t-2").header("ce-source", "/test")
                    .header("ce-type", "modelfn.predict").header("ce-traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                    .contentType("application/json").body("{\"model\":\"tulip\",\"features\":{\"x\":1.0}}")
                    .post("/").then().statusCode(404);

            assertThat(log.records()).singleElement().extracting(r -> r.getMdc("traceId")).isEqualTo(TRACE);
        }
    }
}
