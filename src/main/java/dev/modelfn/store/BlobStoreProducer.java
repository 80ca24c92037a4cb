package dev.modelfn.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.modelfn.config.ModelfnConfig;

/**
 * Chooses the store named by {@code modelfn.store.uri}. The S3 client, configured by the
 * {@code quarkus.s3.*} properties, is only created when an {@code s3://} store is used ({@link S3Storage}).
 */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(ModelfnConfig config, S3Storage s3) {
        return open(config.store(), s3);
    }

    public static BlobStore open(ModelfnConfig.Store config, S3Storage s3) {
        StoreUri uri = StoreUri.parse(config.uri());
        if (uri.isS3()) {
            return s3.store(uri.bucket(), uri.keyPrefix(), config.timeout());
        }
        return new LocalBlobStore(uri.path(), config.timeout(), config.ioThreads());
    }
}
