package dev.modelfn.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.StoreFolderResource;

/**
 * The packaged Lambda handler as Lambda runs it: with {@code -Dnative} the {@code bootstrap} executable
 * taken out of {@code target/function.zip}, otherwise the runner jar, started as a process whose
 * {@code AWS_LAMBDA_RUNTIME_API} is a Runtime API this test serves. Each event is one invocation.
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

    /** What Lambda would start: the native bootstrap when the build made one, else the jar on this JVM. */
    private static List<String> command() throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        if (artifact.getProperty("type").equals("native")) {
            Path bootstrap = work.resolve("bootstrap");
            try (ZipFile zip = new ZipFile("target/function.zip")) {
                assertThat(zip.getEntry("bootstrap")).as("function.zip holds bootstrap").isNotNull();
                Files.copy(zip.getInputStream(zip.getEntry("bootstrap")), bootstrap, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
            return List.of(bootstrap.toString());
        }
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.add("-Dquarkus.profile=lambda");
        java.addAll(List.of("-jar", Path.of("target", artifact.getProperty("path")).toString()));
        return java;
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

    private static JsonNode answerOf(String event) throws Exception {
        LambdaRuntimeApi.Answer answer = api.invoke(event, ANSWER_WITHIN);
        assertThat(answer.error()).as("an invocation error: %s", answer.body()).isFalse();
        return JSON.readTree(answer.body());
    }
}
