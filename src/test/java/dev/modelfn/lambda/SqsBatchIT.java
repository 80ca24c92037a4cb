package dev.modelfn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.StoreFolderResource;

/**
 * The native Lambda handler as Lambda runs it: the {@code bootstrap} executable taken out of
 * {@code target/function.zip} ({@code ./mvnw verify -Plambda -Dnative}), started as a process whose
 * {@code AWS_LAMBDA_RUNTIME_API} is a Runtime API this test serves; each event is one invocation. A jar
 * build has no such executable (AWS's Java runtime calls its handler class, as {@link SqsBatchTest} does),
 * so the test is skipped there.
 */
class SqsBatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);
    private static final String GOOD = "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,"
            + "\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}";

    private static LambdaRuntimeApi api;
    private static Process handler;
    private static Path work;

    @BeforeAll
    static void startTheHandler() throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        Assumptions.assumeTrue("native".equals(artifact.getProperty("type")),
                "only a native build packages a bootstrap executable that polls the Runtime API");
        api = new LambdaRuntimeApi();
        work = Files.createTempDirectory("modelfn-lambda");
        Path store = Files.createDirectories(work.resolve("models"));
        StoreFolderResource.copyTree(Path.of("models"), store);
        ProcessBuilder process = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(work.resolve("handler.log").toFile());
        process.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
        process.environment().put("MODELFN_STORE_URI", store.toUri().toString());
        process.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        process.environment().put("QUARKUS_HTTP_PORT", "0");
        handler = process.start();
    }

    /** The executable a custom runtime starts: {@code bootstrap} from function.zip. */
    private static List<String> command() throws IOException {
        Path bootstrap = work.resolve("bootstrap");
        try (ZipFile zip = new ZipFile("target/function.zip")) {
            assertThat(zip.getEntry("bootstrap")).as("function.zip holds bootstrap").isNotNull();
            Files.copy(zip.getInputStream(zip.getEntry("bootstrap")), bootstrap, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        return List.of(bootstrap.toString());
    }

    @AfterAll
    static void stopTheHandler() throws Exception {
        if (handler != null) {
            handler.destroy();
            handler.waitFor();
        }
        if (api != null) {
            api.close();
        }
        StoreFolderResource.deleteTree(work);
    }

    @Test
    void anSqsBatchWithOneBadRecordReportsOnlyThatRecord() throws Exception {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("ok-1", GOOD);
        records.put("bad-value", GOOD.replace("5.1", "\"5.1\""));
        records.put("ok-2", GOOD);
        JsonNode answer = answerOf(JSON.writeValueAsString(SqsEvents.batch(records)));
        assertThat(answer.get("batchItemFailures")).extracting(failure -> failure.get("itemIdentifier").asText())
                .containsExactly("bad-value");
    }

    @Test
    void aGoodBatchHasNoFailures() throws Exception {
        JsonNode answer = answerOf(JSON.writeValueAsString(SqsEvents.batch(Map.of("m1", GOOD, "m2", GOOD))));
        assertThat(answer.get("batchItemFailures")).isEmpty();
    }

    @Test
    void aDirectInvocationIsAnsweredWithThePrediction() throws Exception {
        JsonNode answer = answerOf(GOOD);
        assertThat(answer.at("/model").asText()).isEqualTo("iris");
        assertThat(answer.at("/predictions/0/label").asText()).isEqualTo("setosa");
    }

    @Test
    void aDirectInvocationExplainsWhenAsked() throws Exception {
        JsonNode answer = answerOf(GOOD.replaceFirst("\\{", "{\"explain\":true,"));
        JsonNode setosa = answer.at("/predictions/0/explanations/setosa");
        double sum = setosa.get("intercept").asDouble();
        for (JsonNode contribution : setosa.get("contributions")) {
            sum += contribution.asDouble();
        }
        assertThat(setosa.get("contributions")).hasSize(4);
        assertThat(sum).isCloseTo(setosa.get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-9 * 20));
    }

    private static JsonNode answerOf(String event) throws Exception {
        LambdaRuntimeApi.Answer answer = api.invoke(event, ANSWER_WITHIN);
        assertThat(answer.error()).as("an invocation error: %s", answer.body()).isFalse();
        return JSON.readTree(answer.body());
    }
}
