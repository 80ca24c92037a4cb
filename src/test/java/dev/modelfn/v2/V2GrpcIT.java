package dev.modelfn.v2;

import dev.modelfn.support.AuthOffResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link V2GrpcTest} against the packaged application: the jar, or the native executable with {@code -Dnative}.
 * Admin tokens are off, as the test trains a model of its own.
 */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class V2GrpcIT extends V2GrpcTest {
}
