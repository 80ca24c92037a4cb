package dev.modelfn.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Checks deploy/kserve against the running application: model format, protocols, port, probes, model name. */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class KServeManifestsTest {

    @Test
    void runtimeServesTribuoOverBothV2ProtocolsOnTheApplicationsPort() throws IOException {
        JsonNode spec = single("ServingRuntime").path("spec");
        assertThat(spec.path("supportedModelFormats").findValuesAsText("name")).contains("tribuo");
        assertThat(spec.path("protocolVersions").toString()).contains("\"v2\"", "\"grpc-v2\"");
        JsonNode container = spec.path("containers").get(0);
        JsonNode port = container.path("ports").get(0);
        assertThat(container.path("ports").size()).isEqualTo(1);
        assertThat(port.path("containerPort").asInt()).isEqualTo(httpPort());
        assertThat(port.path("name").asText()).isEqualTo("h2c");
        assertThat(env(container, "MODELFN_STORE_URI")).isEqualTo("file:/mnt/models");
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            JsonNode check = container.path(probe).path("httpGet");
            assertThat(check.path("port").asInt()).as(probe).isEqualTo(httpPort());
            given().get(check.path("path").asText()).then().statusCode(200);
        }
    }

    @Test
    void inferenceServiceUsesTheRuntimeWithAStoreInS3AndNamesAServedModel() {
        JsonNode service = single("InferenceService");
        JsonNode model = service.path("spec").path("predictor").path("model");
        assertThat(model.path("runtime").asText()).isEqualTo(single("ServingRuntime").path("metadata").path("name").asText());
        assertThat(model.path("modelFormat").path("name").asText()).isEqualTo("tribuo");
        assertThat(model.path("protocolVersion").asText()).isEqualTo("v2");
        assertThat(model.path("storageUri").asText()).startsWith("s3://");
        String name = service.path("metadata").path("name").asText();
        assertThat(env(model, "MODELFN_MODELS")).isEqualTo(name);
        // KServe calls the model by the InferenceService's name
        given().get("/v2/models/" + name + "/ready").then().statusCode(200).body("ready", equalTo(true));
        String account = service.path("spec").path("predictor").path("serviceAccountName").asText();
        JsonNode serviceAccount = Manifests.kind("kserve", "ServiceAccount").stream()
                .filter(a -> a.path("metadata").path("name").asText().equals(account)).findFirst().orElseThrow();
        String secret = serviceAccount.path("secrets").get(0).path("name").asText();
        assertThat(Manifests.kind("kserve", "Secret")).anySatisfy(s -> {
            assertThat(s.path("metadata").path("name").asText()).isEqualTo(secret);
            assertThat(s.path("metadata").path("annotations").path("serving.kserve.io/s3-endpoint").asText()).isNotEmpty();
        });
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        return null;
    }

    private static JsonNode single(String kind) {
        List<JsonNode> found = Manifests.kind("kserve", kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static int httpPort() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KServeManifestsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("%prod.quarkus.http.port",
                properties.getProperty("quarkus.http.port", "8080")));
    }
}
