package dev.modelfn.lifecycle;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.modelfn.store.BlobStore;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class LocalLifecycleTest extends LifecycleContract {

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    @Override
    BlobStore otherInstance() {
        return new LocalBlobStore(Path.of(URI.create(storeUri)));
    }
}
