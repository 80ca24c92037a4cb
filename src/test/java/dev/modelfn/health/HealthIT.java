package dev.modelfn.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The health probes of the packaged application (jar, or native executable with {@code -Dnative}). */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {
}
