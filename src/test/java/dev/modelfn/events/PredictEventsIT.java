package dev.modelfn.events;

import dev.modelfn.support.AuthOffResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PredictEventsTest}'s CloudEvents, binary and structured, against the packaged application. */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class PredictEventsIT extends PredictEventsTest {
}
