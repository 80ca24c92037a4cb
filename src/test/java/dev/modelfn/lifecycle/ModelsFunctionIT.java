package dev.modelfn.lifecycle;

import dev.modelfn.support.AuthOffResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ModelsFunctionTest} against the packaged application. */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class ModelsFunctionIT extends ModelsFunctionTest {
}
