package dev.modelfn.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.problem.NotFoundException;
import dev.modelfn.problem.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** {@code s3://} locations through the AWS SDK's S3 client ({@link S3Access}). */
@ApplicationScoped
public class AwsS3Storage implements S3Storage {

    private final S3Access s3;

    public AwsS3Storage(S3Access s3) {
        this.s3 = s3;
    }

    @Override
    public BlobStore store(String bucket, String prefix, Duration timeout) {
        return new S3BlobStore(s3::client, bucket, prefix, timeout);
    }

    @Override
    public <T> T read(StoreUri uri, String what, String notFoundType, ObjectReader<T> reader) {
        String where = "s3://" + uri.bucket();
        try (InputStream in = s3.client().getObject(b -> b.bucket(uri.bucket()).key(uri.key()))) {
            return reader.read(in);
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new NotFoundException(notFoundType, "No " + what + " at " + where + "/" + uri.key() + ".");
        } catch (SdkException | UncheckedIOException e) {
            throw new StoreUnavailableException("Cannot read the " + what + " from " + where + ": " + S3Failures.reason(e), e);
        } catch (IOException e) {
            throw new StoreUnavailableException("Reading the " + what + " from " + where + " failed: " + S3Failures.reason(e), e);
        }
    }
}
