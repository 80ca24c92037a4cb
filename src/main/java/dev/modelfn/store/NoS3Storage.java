package dev.modelfn.store;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.problem.InvalidInputException;
import io.quarkus.arc.DefaultBean;

/**
 * The {@link S3Storage} of a build without the S3 client ({@code -Dwithout-s3}): an {@code s3://} store stops
 * the start with this message, an {@code s3://} dataset is a 400 {@code unsupported-uri}.
 */
@DefaultBean
@ApplicationScoped
public class NoS3Storage implements S3Storage {

    static final String MESSAGE = "This build of modelfn has no S3 client (it was built with -Dwithout-s3): "
            + "use a file: location, or a build without that flag.";

    @Override
    public BlobStore store(String bucket, String prefix, Duration timeout) {
        throw new IllegalStateException("modelfn.store.uri is s3://" + bucket + ". " + MESSAGE);
    }

    @Override
    public <T> T read(StoreUri uri, String what, String notFoundType, ObjectReader<T> reader) {
        throw new InvalidInputException("unsupported-uri", "Cannot read the " + what + " from s3://" + uri.bucket() + ". "
                + MESSAGE);
    }
}
