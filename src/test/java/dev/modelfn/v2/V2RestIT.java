package dev.modelfn.v2;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link V2RestTest} against the packaged application: the jar, or the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
class V2RestIT extends V2RestTest {
}
