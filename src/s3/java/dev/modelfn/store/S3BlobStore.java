package dev.modelfn.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.modelfn.problem.StoreUnavailableException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket (and optional key prefix) of any S3-compatible object store. A PUT replaces an object
 * whole, so readers see the old or the new bytes, never a part. Every call, retries included, ends
 * within the store timeout ({@code modelfn.store.timeout}): a hung store is an answer, not a wait.
 */
public final class S3BlobStore implements BlobStore {

    /** sun.net.www.protocol.http.HttpURLConnection's message when the body cannot be written */
    private static final String BODY_NOT_SENT = "Error writing request body to server";
    /** the JDK keeps up to 5 idle connections per server (http.maxConnections), so the 7th try is on a fresh one */
    private static final int UNSENT_ATTEMPTS = 7;

    private final Supplier<S3Client> s3;
    private final String bucket;
    private final String prefix;
    private final AwsRequestOverrideConfiguration limit;
    private final AwsRequestOverrideConfiguration unretried;
    private final Duration timeout;

    /** With the default timeout; @param prefix "" or a key prefix ending in "/" */
    public S3BlobStore(Supplier<S3Client> s3, String bucket, String prefix) {
        this(s3, bucket, prefix, LocalBlobStore.DEFAULT_TIMEOUT);
    }

    /**
     * @param s3      the client, asked for on each call (see {@link S3Access#client()})
     * @param prefix  "" or a key prefix ending in "/"
     * @param timeout longest one call may take, the SDK's retries included
     */
    public S3BlobStore(Supplier<S3Client> s3, String bucket, String prefix, Duration timeout) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.timeout = timeout;
        this.limit = AwsRequestOverrideConfiguration.builder().apiCallTimeout(timeout).build();
        this.unretried = limit.toBuilder().addPlugin(config -> config.overrideConfiguration(config.overrideConfiguration()
                .toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())).build();
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(once(() -> s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key).overrideConfiguration(limit)).asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("read " + key, e);
        }
    }

    @Override
    public void write(String key, byte[] bytes) {
        try {
            once(() -> s3.get().putObject(b -> b.bucket(bucket).key(prefix + key).contentLength((long) bytes.length).overrideConfiguration(limit),
                    RequestBody.fromBytes(bytes)));
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("write " + key, e);
        }
    }

    @Override
    public Optional<Tagged> readTagged(String key) {
        try {
            return Optional.of(once(() -> {
                var object = s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key).overrideConfiguration(limit));
                return new Tagged(object.asByteArray(), object.response().eTag());
            }));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("read " + key, e);
        }
    }

    /**
     * S3's conditional PUT: {@code If-Match} on the ETag read, {@code If-None-Match: *} for a new object. The SDK
     * does not retry it, since a PUT whose answer was lost may have landed and its repeat would fail its own
     * precondition; that is for the caller to read again. It is tried again only when the request body could
     * not be sent, on a pooled connection the server had closed: such a PUT cannot have landed. Each failed
     * connection leaves the pool, so a fresh one comes within the pool's size.
     */
    @Override
    public boolean writeIf(String key, byte[] bytes, String tag) {
        for (int attempt = 1; ; attempt++) {
            try {
                return putIf(key, bytes, tag);
            } catch (SdkException | UncheckedIOException e) {
                if (attempt == UNSENT_ATTEMPTS || !bodyNotSent(e)) {
                    throw unavailable("write " + key, e);
                }
            }
        }
    }

    private boolean putIf(String key, byte[] bytes, String tag) {
        try {
            s3.get().putObject(b -> {
                b.bucket(bucket).key(prefix + key).contentLength((long) bytes.length).overrideConfiguration(unretried);
                if (tag == null) {
                    b.ifNoneMatch("*");
                } else {
                    b.ifMatch(tag);
                }
            }, RequestBody.fromBytes(bytes));
            return true;
        } catch (S3Exception e) {
            // 412: changed since read; 409: a concurrent conditional write of the same key is in progress
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** The JDK's HTTP client failed while writing the request body, before any answer. */
    static boolean bodyNotSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && BODY_NOT_SENT.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
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
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(listed).delimiter("/")
                .overrideConfiguration(limit);
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
            once(() -> s3.get().deleteObject(b -> b.bucket(bucket).key(prefix + key).overrideConfiguration(limit)));
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("delete " + key, e);
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    private StoreUnavailableException unavailable(String action, RuntimeException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return StoreUnavailableException.timedOut("Cannot " + action + " in " + location() + ": no answer within "
                    + timeout.toMillis() + " ms (modelfn.store.timeout)", e);
        }
        return new StoreUnavailableException("Cannot " + action + " in " + location() + ": " + S3Failures.reason(e), e);
    }
}
