package dev.modelfn.store;

import java.net.URI;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.modelfn.config.ModelfnConfig;

/** Chooses the store named by {@code modelfn.store.uri}. */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(ModelfnConfig config) {
        return open(config.store().uri());
    }

    static BlobStore open(String uri) {
        if (uri.startsWith("file://")) {
            return new LocalBlobStore(Path.of(URI.create(uri)));
        }
        if (uri.startsWith("file:")) {
            return new LocalBlobStore(Path.of(uri.substring("file:".length())));
        }
        throw new IllegalArgumentException(
                "modelfn.store.uri must start with file: (a folder), got: " + uri);
    }
}
