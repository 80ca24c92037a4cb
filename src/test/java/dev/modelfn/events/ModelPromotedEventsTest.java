package dev.modelfn.events;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = StoreFolderResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ModelPromotedEventsTest extends ModelPromotedEventsContract {
}
