package dev.modelfn.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.quarkus.test.junit.QuarkusTest;

/** Checks the manifests in deploy/ against the running application: paths, ports, event types, functions. */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class DeployManifestsTest {

    private static final Pattern MAPPING = Pattern.compile("quarkus\\.funqy\\.knative-events\\.mapping\\.([^.]+)\\.trigger");
    private static final Map<String, String> PROBES = Map.of(
            "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready", "startupProbe", "/q/health/started");

    private final Config config = ConfigProvider.getConfig();

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL url;

    @Test
    void everyYamlAndJsonFileParses() {
        assertThat(Manifests.files()).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : Manifests.files()) {
            assertThat(Manifests.read(file)).as(file.toString()).isNotEmpty()
                    .allSatisfy(doc -> assertThat(doc.isObject()).as(file.toString()).isTrue());
        }
    }

    @Test
    void serviceProbesAreTheHealthChecksOnTheServedPort() throws IOException {
        JsonNode container = service().path("spec").path("template").path("spec").path("containers").get(0);
        int port = container.path("ports").get(0).path("containerPort").asInt();
        assertThat(port).isEqualTo(httpPort());
        assertThat(container.path("ports").get(0).path("name").asText()).as("HTTP/2 through to gRPC").isEqualTo("h2c");
        for (Map.Entry<String, String> probe : PROBES.entrySet()) {
            JsonNode check = container.path(probe.getKey()).path("httpGet");
            assertThat(check.path("path").asText()).as(probe.getKey()).isEqualTo(probe.getValue());
            assertThat(check.path("port").asInt()).as(probe.getKey() + " port").isEqualTo(port);
            given().get(probe.getValue()).then().statusCode(200);
        }
    }

    private static final String IRIS_ROW = "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,"
            + "\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}";

    /** With the port named h2c, Knative's queue proxy speaks HTTP/2 without upgrade to the container. */
    @Test
    void functionsEventsAndProbesAnswerHttp2WithPriorKnowledge() throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setDefaultHost("localhost").setDefaultPort(url.getPort()));
        try {
            assertThat(call(client, HttpMethod.GET, "/q/health/ready", Map.of(), null)).isEqualTo("200 HTTP_2");
            assertThat(call(client, HttpMethod.POST, "/predict", Map.of("Content-Type", "application/json"),
                    IRIS_ROW)).isEqualTo("200 HTTP_2");
            assertThat(call(client, HttpMethod.POST, "/", Map.of("Content-Type", "application/json", "ce-id", "h2c",
                    "ce-specversion", "1.0", "ce-source", "/deploy", "ce-type", "modelfn.predict"),
                    IRIS_ROW)).isEqualTo("200 HTTP_2");
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static String call(HttpClient client, HttpMethod method, String path, Map<String, String> headers,
            String body) throws Exception {
        return client.request(method, path).compose(request -> {
            headers.forEach(request::putHeader);
            return body == null ? request.send() : request.send(body);
        }).map(response -> response.statusCode() + " " + response.version())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void serviceScalesToZeroWithABoundedConcurrency() {
        JsonNode template = service().path("spec").path("template");
        assertThat(template.path("metadata").path("annotations").path("autoscaling.knative.dev/min-scale").asText())
                .isEqualTo("0");
        assertThat(template.path("spec").path("containerConcurrency").asInt()).isPositive();
        assertThat(template.path("spec").path("containers").get(0).path("env").findValuesAsText("name"))
                .contains("MODELFN_STORE_URI");
    }

    @Test
    void triggersCoverExactlyTheMappedEventTypes() {
        Set<String> triggered = new TreeSet<>();
        for (JsonNode trigger : Manifests.kind("Trigger")) {
            triggered.add(trigger.path("spec").path("filter").path("attributes").path("type").asText());
        }
        assertThat(triggered).isEqualTo(new TreeSet<>(mappedTypes()))
                .contains("modelfn.predict", "modelfn.train", "modelfn.model.promoted");
    }

    @Test
    void everyMappedTypeIsAnsweredByTheApplication() {
        for (String type : mappedTypes()) {
            given().header("ce-id", "deploy-check").header("ce-specversion", "1.0").header("ce-source", "/deploy")
                    .header("ce-type", type).contentType("application/json").body("{}")
                    .post("/")
                    .then().statusCode(not(404)).body("type", not(endsWith(":unknown-event-type")));
        }
    }

    @Test
    void triggersAndSourcesPointAtResourcesDefinedHere() {
        String service = service().path("metadata").path("name").asText();
        String broker = single("Broker").path("metadata").path("name").asText();
        for (JsonNode trigger : Manifests.kind("Trigger")) {
            assertThat(trigger.path("spec").path("broker").asText()).isEqualTo(broker);
            JsonNode subscriber = trigger.path("spec").path("subscriber").path("ref");
            assertThat(subscriber.path("kind").asText()).isEqualTo("Service");
            assertThat(subscriber.path("name").asText()).isEqualTo(service);
        }
        for (JsonNode source : Manifests.kind("KafkaSource")) {
            assertThat(source.path("spec").path("sink").path("ref").path("name").asText()).isEqualTo(broker);
        }
        JsonNode deadLetters = single("Broker").path("spec").path("delivery").path("deadLetterSink").path("ref");
        assertThat(Manifests.kind(deadLetters.path("kind").asText()))
                .anySatisfy(sink -> assertThat(sink.path("metadata").path("name").asText())
                        .isEqualTo(deadLetters.path("name").asText()));
    }

    @Test
    void lambdasExportFunctionsTheApplicationHas() {
        List<String> exports = new ArrayList<>();
        for (JsonNode function : samFunctions()) {
            exports.add(function.path("Properties").path("Environment").path("Variables").path("QUARKUS_FUNQY_EXPORT").asText());
        }
        assertThat(exports).contains(config.getValue("%lambda.quarkus.funqy.export", String.class));
        assertThat(exports).contains("train");
        for (String export : exports) {
            given().contentType("application/json").body("{}").post("/" + export)
                    .then().statusCode(not(404));
        }
    }

    @Test
    void lambdasRunNativeFedBySqsWithPartialBatchFailuresAndADeadLetterQueue() {
        JsonNode sam = Manifests.samTemplate();
        JsonNode globals = sam.path("Globals").path("Function");
        assertThat(globals.path("Runtime").asText()).isEqualTo("provided.al2023");
        assertThat(globals.path("CodeUri").asText()).endsWith("target/function.zip");
        assertThat(globals.path("Environment").path("Variables").path("MODELFN_STORE_URI").asText()).startsWith("s3://");
        for (JsonNode function : samFunctions()) {
            JsonNode events = function.path("Properties").path("Events");
            assertThat(events.size()).isPositive();
            for (JsonNode event : events) {
                assertThat(event.path("Type").asText()).isEqualTo("SQS");
                assertThat(event.path("Properties").path("FunctionResponseTypes").toString()).contains("ReportBatchItemFailures");
                String queue = event.path("Properties").path("Queue").asText().replace(".Arn", "");
                JsonNode redrive = sam.path("Resources").path(queue).path("Properties").path("RedrivePolicy");
                String deadLetters = redrive.path("deadLetterTargetArn").asText().replace(".Arn", "");
                assertThat(sam.path("Resources").path(deadLetters).path("Type").asText()).as(queue + " dead letters")
                        .isEqualTo("AWS::SQS::Queue");
            }
        }
    }

    @Test
    void containerImagesExposeTheServedPort() throws IOException {
        Pattern expose = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
        for (String file : List.of("Dockerfile.native", "Dockerfile.jvm")) {
            Matcher port = expose.matcher(Files.readString(Manifests.ROOT.resolve("container").resolve(file)));
            assertThat(port.find()).as(file).isTrue();
            assertThat(Integer.parseInt(port.group(1))).as(file).isEqualTo(httpPort());
        }
    }

    /** The port the packaged application listens on; in tests quarkus.http.port holds the random test port. */
    private static int httpPort() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DeployManifestsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("%prod.quarkus.http.port",
                properties.getProperty("quarkus.http.port", "8080")));
    }

    private Set<String> mappedTypes() {
        Set<String> types = new HashSet<>();
        for (String name : config.getPropertyNames()) {
            if (MAPPING.matcher(name).matches()) {
                types.add(config.getValue(name, String.class));
            }
        }
        return types;
    }

    private static JsonNode service() {
        return single("Service");
    }

    private static JsonNode single(String kind) {
        List<JsonNode> found = Manifests.kind(kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> samFunctions() {
        return StreamSupport.stream(Manifests.samTemplate().path("Resources").spliterator(), false)
                .filter(r -> r.path("Type").asText().equals("AWS::Serverless::Function"))
                .toList();
    }
}
