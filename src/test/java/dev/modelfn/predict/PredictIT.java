package dev.modelfn.predict;

import dev.modelfn.support.AuthOffResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link PredictTest} against the packaged application running as its own process: the jar in
 * {@code ./mvnw verify}, the native executable with {@code -Dnative}. (Predict is open either way;
 * {@link AuthOffResource} only lets it share one application with the other store-folder ITs.)
 */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class PredictIT extends PredictTest {
}
