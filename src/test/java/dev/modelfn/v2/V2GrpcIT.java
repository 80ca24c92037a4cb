package dev.modelfn.v2;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link V2GrpcTest} against the packaged application: the jar, or the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
class V2GrpcIT extends V2GrpcTest {
}
