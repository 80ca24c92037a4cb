package dev.modelfn.store;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.modelfn.problem.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket (and optional key prefix) of any S3-compatible object store. A PUT replaces an object
 * whole, so readers see the old or the new bytes, never a part.
 */
public final class S3BlobStore implements BlobStore {

    private final Supplier<S3Client> s3;
    private final String bucket;
    private final String prefix;

    /**
     * @param s3     the client, asked for on each call (see {@link S3Access#client()})
     * @param prefix "" or a key prefix ending in "/"
     */
    public S3BlobStore(Supplier<S3Client> s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(once(() -> s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)).asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("read " + key, e);
        }
    }

    @Override
    public void write(String key, byte[] bytes) {
        try {
            once(() -> s3.get().putObject(b -> b.bucket(bucket).key(prefix + key).contentLength((long) bytes.length),
                    RequestBody.fromBytes(bytes)));
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("write " + key, e);
        }
    }

    /**
     * The URL-connection client reports a pooled connection that the server has closed meanwhile as an
     * UncheckedIOException, which the SDK does not retry. Every call here is idempotent, so one more try
     * on a fresh connection is safe.
     */
    private static <T> T once(Supplier<T> call) {
        try {
            return call.get();
        } catch (UncheckedIOException e) {
            return call.get();
        }
    }

    @Override
    public List<String> children(String parent) {
        String listed = prefix + parent;
        List<String> names = new ArrayList<>();
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(listed).delimiter("/");
        try {
            ListObjectsV2Response page;
            do {
                ListObjectsV2Request pageRequest = request.build();
                page = once(() -> s3.get().listObjectsV2(pageRequest));
                for (CommonPrefix folder : page.commonPrefixes()) {
                    String name = folder.prefix().substring(listed.length());
                    names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                }
                for (S3Object object : page.contents()) {
                    names.add(object.key().substring(listed.length()));
                }
                request.continuationToken(page.nextContinuationToken());
            } while (Boolean.TRUE.equals(page.isTruncated()));
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("list " + parent, e);
        }
        names.removeIf(String::isEmpty);
        return names;
    }

    @Override
    public void delete(String key) {
        try {
            once(() -> s3.get().deleteObject(b -> b.bucket(bucket).key(prefix + key)));
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("delete " + key, e);
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    private StoreUnavailableException unavailable(String action, RuntimeException e) {
        return new StoreUnavailableException("Cannot " + action + " in " + location() + ": " + S3Failures.reason(e), e);
    }
}
