package dev.modelfn.metrics;

import dev.modelfn.support.AuthOffResource;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The modelfn_* series at /q/metrics of the packaged application, after predictions, trainings and loads. */
@QuarkusIntegrationTest
@WithTestResource(StoreFolderResource.class)
@WithTestResource(AuthOffResource.class)
class MetricsIT extends MetricsContract {
}
