package dev.modelfn.events;

import dev.modelfn.support.AuthOffResource;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Train requests as CloudEvents, binary and structured, against the packaged application. */
@QuarkusIntegrationTest
@WithTestResource(StoreFolderResource.class)
@WithTestResource(AuthOffResource.class)
class TrainEventsIT extends TrainEventsContract {
}
