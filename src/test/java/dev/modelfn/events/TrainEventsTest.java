package dev.modelfn.events;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Trains into a store of its own, so the models it adds do not show in other tests' model lists. */
@QuarkusTest
@WithTestResource(value = StoreFolderResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TrainEventsTest extends TrainEventsContract {
}
