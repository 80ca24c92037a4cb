package dev.modelfn.events;

import dev.modelfn.support.AuthOffResource;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application reloads a model when a promoted event announces a version another instance set. */
@QuarkusIntegrationTest
@WithTestResource(StoreFolderResource.class)
@WithTestResource(AuthOffResource.class)
class ModelPromotedEventsIT extends ModelPromotedEventsContract {
}
