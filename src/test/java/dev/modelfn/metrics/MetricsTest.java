package dev.modelfn.metrics;

import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(OperationsProfile.class)
@WithTestResource(StoreFolderResource.class)
class MetricsTest extends MetricsContract {
}
