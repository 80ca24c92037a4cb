package dev.modelfn.train;

import static dev.modelfn.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.modelfn.support.S3Objects;
import dev.modelfn.support.S3StoreResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(S3StoreResource.class)
class TrainBadInputTest {

    private static final String IRIS_S3 = "{\"uri\":\"s3://datasets/iris.csv\"}";

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    @AfterEach
    void nothingWasWritten() {
        assertThat(S3Objects.keysOf(storeUri, "bad")).isEmpty();
    }

    private static String request(String task, String target, String data, String extra) {
        return "{\"model\":\"bad\",\"task\":\"" + task + "\",\"target\":\"" + target + "\",\"data\":" + data + extra + "}";
    }

    @Test
    void unknownObjectiveListsTheValidOnes() {
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"trainer\":{\"objective\":\"squared\"}"),
                400, "unknown-objective").body("valid", hasItems("logistic", "hinge"));
    }

    @Test
    void unknownOptimizerListsTheValidOnes() {
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"trainer\":{\"optimizer\":\"lbfgs\"}"),
                400, "unknown-optimizer").body("valid", hasItems("adagrad", "sgd", "rmsprop", "adadelta", "pegasos"));
    }

    @Test
    void adamIsRefusedWithTheReason() {
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"trainer\":{\"optimizer\":\"adam\"}"),
                400, "unsupported-optimizer").body("detail", containsString("4.3.2"));
    }

    @Test
    void unknownTaskListsTheValidOnes() {
        expectProblem("/train", request("clustering", "species", IRIS_S3, ""), 400, "unknown-task")
                .body("valid", hasItems("classification", "regression"));
    }

    @Test
    void aTargetTheDatasetLacksIsRefused() {
        expectProblem("/train", request("classification", "colour", IRIS_S3, ""), 400, "missing-target");
    }

    @Test
    void aNonNumericFeatureNamesRowAndColumn() {
        String csv = "a,b,label\\n1,2,x\\n3,oops,y\\n";
        expectProblem("/train", request("classification", "label", "{\"csv\":\"" + csv + "\"}",
                ",\"columns\":{\"b\":\"numeric\"}"), 400,
                "invalid-feature-value").body("row", equalTo(1)).body("feature", equalTo("b"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsNamed() {
        String csv = "a,b,label\\n1,2,x\\n3,4,5,y\\n";
        expectProblem("/train", request("classification", "label", "{\"csv\":\"" + csv + "\"}", ""), 400,
                "wrong-field-count").body("row", equalTo(1));
    }

    @Test
    void oneClassIsNotEnough() {
        String csv = "a,label\\n1,x\\n2,x\\n3,x\\n4,x\\n5,x\\n";
        expectProblem("/train", request("classification", "label", "{\"csv\":\"" + csv + "\"}", ""), 400, "too-few-classes");
    }

    @Test
    void tooFewRowsForTheSplit() {
        String csv = "a,label\\n1,x\\n2,y\\n";
        expectProblem("/train", request("classification", "label", "{\"csv\":\"" + csv + "\"}", ""), 400, "too-few-rows");
    }

    @Test
    void aNonNumericRegressionTargetIsRefused() {
        expectProblem("/train", request("regression", "species", IRIS_S3, ""), 400, "non-numeric-target");
    }

    @Test
    void aMissingDatasetIs404() {
        expectProblem("/train", request("classification", "species", "{\"uri\":\"s3://datasets/nope.csv\"}", ""), 404,
                "dataset-not-found");
        expectProblem("/train", request("classification", "species", "{\"uri\":\"s3://no-such-bucket/iris.csv\"}", ""), 404,
                "dataset-not-found");
        expectProblem("/train", request("classification", "species", "{\"uri\":\"file:nope.csv\"}", ""), 404,
                "dataset-not-found");
    }

    @Test
    void fileDatasetsCannotLeaveTheDataFolder() {
        expectProblem("/train", request("classification", "species", "{\"uri\":\"file:../../../pom.xml\"}", ""), 400, "invalid-uri");
        expectProblem("/train", request("classification", "species", "{\"uri\":\"file:/etc/passwd\"}", ""), 400, "invalid-uri");
        expectProblem("/train", request("classification", "species", "{\"uri\":\"http://example.invalid/x.csv\"}", ""), 400,
                "invalid-uri");
    }

    @Test
    void dataTakesExactlyOneSource() {
        expectProblem("/train", request("classification", "species", "{\"uri\":\"file:iris.csv\",\"csv\":\"a\"}", ""), 400,
                "ambiguous-data");
        expectProblem("/train", request("classification", "species", "{}", ""), 400, "ambiguous-data");
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"trainer\":{\"epochs\":\"ten\"}"), 400,
                "wrong-type").body("detail", containsString("trainer.epochs"));
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"trainer\":{\"epochs\":2.5}"), 400,
                "wrong-type").body("detail", containsString("trainer.epochs"));
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"trainer\":{\"epoch\":5}"), 400,
                "unknown-field").body("detail", containsString("epochs"));
        expectProblem("/train", "{\"model\":\"bad\",", 400, "malformed-json");
        expectProblem("/train", "[]", 400, "not-an-object");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"trainer\":{\"epochs\":0}"), 400,
                "invalid-trainer-setting");
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"trainer\":{\"learningRate\":-1}"), 400,
                "invalid-trainer-setting");
        expectProblem("/train", request("classification", "species", IRIS_S3, ",\"holdout\":1.5"), 400, "invalid-holdout");
    }

    @Test
    void modelNamesAreValidated() {
        expectProblem("/train", "{\"model\":\"../evil\",\"task\":\"classification\",\"target\":\"species\",\"data\":"
                + IRIS_S3 + "}", 400, "invalid-model-name");
    }
}
