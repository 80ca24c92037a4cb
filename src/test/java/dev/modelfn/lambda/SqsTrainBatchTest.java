package dev.modelfn.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The train Lambda (QUARKUS_FUNQY_EXPORT=train) fed by SQS: runs in the lambda profile only. */
@QuarkusTest
@TestProfile(SqsTrainBatchTest.ExportTrain.class)
@WithTestResource(StoreFolderResource.class)
class SqsTrainBatchTest {

    /** Exports train instead of the build's default, predict. */
    public static class ExportTrain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "train");
        }

        @Override
        public String getConfigProfile() {
            return "lambda";
        }
    }

    @Test
    void onlyTheBadTrainRecordIsReportedAsAFailure() throws IOException {
        String csv = Files.readString(Path.of("src/test/resources/data/iris.csv"));
        ObjectMapper json = new ObjectMapper();
        Map<String, String> records = new LinkedHashMap<>();
        records.put("train-ok", json.writeValueAsString(Map.of("model", "iris-sqs", "task", "classification",
                "target", "species", "data", Map.of("csv", csv))));
        records.put("train-bad", json.writeValueAsString(Map.of("model", "iris-sqs", "task", "clustering",
                "target", "species", "data", Map.of("csv", csv))));
        given().contentType("application/json").body(SqsEvents.batch(records))
                .when().post()
                .then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("train-bad"));
    }
}
