package dev.modelfn.explain;

import dev.modelfn.support.AuthOffResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Explanations in the packaged application (jar or native). */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class ExplainIT extends ExplainTest {
}
