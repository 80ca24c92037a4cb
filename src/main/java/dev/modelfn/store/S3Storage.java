package dev.modelfn.store;

import java.io.InputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * What {@code s3://} locations need: a model store in a bucket, and reading one object (a dataset). The S3 client
 * behind it lives in {@code src/s3/java}; a build with {@code -Dwithout-s3} has none, and {@link NoS3Storage}
 * answers instead.
 */
public interface S3Storage {

    /** How an object's bytes become a value; the stream is closed afterwards. */
    @FunctionalInterface
    interface ObjectReader<T> {
        T read(InputStream in) throws IOException;
    }

    /** @param prefix "" or a key prefix ending in "/"; @param timeout longest one call may take, retries included */
    BlobStore store(String bucket, String prefix, Duration timeout);

    /**
     * Reads one object. Throws {@link dev.modelfn.problem.NotFoundException} ({@code notFoundType}) when the
     * bucket or the object does not exist, {@link dev.modelfn.problem.StoreUnavailableException} when the store
     * cannot be read.
     *
     * @param what what the object is, for the messages ("dataset")
     */
    <T> T read(StoreUri uri, String what, String notFoundType, ObjectReader<T> reader);
}
