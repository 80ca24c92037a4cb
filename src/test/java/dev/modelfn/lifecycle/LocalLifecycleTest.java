package dev.modelfn.lifecycle;

import java.net.URI;
import java.nio.file.Path;

import dev.modelfn.store.BlobStore;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.support.StoreFolderResource;
import dev.modelfn.support.StoreUri;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StoreFolderResource.class)
class LocalLifecycleTest extends LifecycleContract {

    @StoreUri
    String storeUri;

    @Override
    BlobStore otherInstance() {
        return new LocalBlobStore(Path.of(URI.create(storeUri)));
    }
}
