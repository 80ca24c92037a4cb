package dev.modelfn.health;

import dev.modelfn.support.AuthOffResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The health probes of the packaged application (jar, or native executable with {@code -Dnative}). */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class HealthIT extends HealthTest {
}
