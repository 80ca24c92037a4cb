package dev.modelfn.lifecycle;

import dev.modelfn.support.AuthOffResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** models, describe, promote, rollback, reload and delete in the packaged application, on S3. */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class S3LifecycleIT extends S3LifecycleTest {
}
