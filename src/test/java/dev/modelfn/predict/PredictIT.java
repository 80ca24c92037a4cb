package dev.modelfn.predict;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link PredictTest} against the packaged application running as its own process: the jar in
 * {@code ./mvnw verify}, the native executable with {@code -Dnative}.
 */
@QuarkusIntegrationTest
class PredictIT extends PredictTest {
}
