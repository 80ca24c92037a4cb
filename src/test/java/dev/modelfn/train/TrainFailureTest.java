package dev.modelfn.train;

import static dev.modelfn.support.Problems.expectProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.modelfn.support.CsvRows;
import dev.modelfn.support.FaultInjectingBlobStore;
import dev.modelfn.support.S3Objects;
import dev.modelfn.support.S3StoreResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TrainFailureTest.Faulty.class)
class TrainFailureTest {

    public static class Faulty implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FaultInjectingBlobStore.class);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3StoreResource.class));
        }
    }

    private static final String TRAIN = "{\"model\":\"sturdy\",\"task\":\"classification\",\"target\":\"species\","
            + "\"data\":{\"uri\":\"s3://datasets/iris.csv\"}}";

    @Inject
    FaultInjectingBlobStore store;

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    @AfterEach
    void heal() {
        store.failWritesEndingWith(null);
    }

    @Test
    void aFailureBetweenModelWriteAndPointerWriteLeavesThePreviousVersionServed() {
        String first = TrainTest.train(Map.of("model", "sturdy", "task", "classification", "target", "species",
                "data", Map.of("uri", "s3://datasets/iris.csv"))).getString("version");

        store.failWritesEndingWith("/current");
        expectProblem("/train", TRAIN, 503, "store-unavailable");

        Map<String, Object> row = CsvRows.load("iris.csv", "species").rows().get(0);
        given().body(Map.of("model", "sturdy", "features", row)).contentType("application/json").post("/predict")
                .then().statusCode(200).body("version", equalTo(first));
        assertThat(S3Objects.keysOf(storeUri, "sturdy")).contains("current");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aFailureWritingMetadataLeavesNoPartOfTheNewVersion() {
        store.failWritesEndingWith("/metadata.json");
        expectProblem("/train", TRAIN.replace("sturdy", "partial"), 503, "store-unavailable");
        assertThat(S3Objects.keysOf(storeUri, "partial")).isEmpty();
    }
}
