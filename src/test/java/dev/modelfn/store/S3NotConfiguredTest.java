package dev.modelfn.store;

import static dev.modelfn.support.Problems.expectProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.RepeatedTest;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A dataset in S3 while no S3 is configured at all (no region, credentials or endpoint): every call, not just
 * the first, is a 503 whose one-line detail names the setting to fix.
 */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class S3NotConfiguredTest {

    static final String TRAIN_FROM_S3 = "{\"model\":\"m\",\"task\":\"classification\",\"target\":\"species\","
            + "\"data\":{\"uri\":\"s3://datasets/iris.csv\"}}";

    @RepeatedTest(2)
    void trainingFromS3Is503NamingTheRegionSetting() {
        expectProblem("/train", TRAIN_FROM_S3, 503, "store-unavailable")
                .body("detail", containsString("quarkus.s3.aws.region"))
                .body("detail", not(containsString("\n")))
                .body("detail.length()", lessThan(300));
    }
}
