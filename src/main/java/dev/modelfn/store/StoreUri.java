package dev.modelfn.store;

import java.net.URI;
import java.nio.file.Path;

import dev.modelfn.problem.InvalidInputException;

/**
 * A parsed {@code file:} or {@code s3://bucket/prefix} location, for the model store and datasets.
 *
 * @param path   the folder or file, for {@code file:}
 * @param bucket the bucket, for {@code s3:}
 * @param key    the key or key prefix within the bucket ("" for none), for {@code s3:}
 */
public record StoreUri(String scheme, Path path, String bucket, String key) {

    public static StoreUri parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException("invalid-uri", "A location is required.");
        }
        if (uri.startsWith("file:")) {
            return new StoreUri("file", filePath(uri), null, null);
        }
        if (uri.startsWith("s3://")) {
            String rest = uri.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw new InvalidInputException("invalid-uri", "An s3:// location needs a bucket: " + uri);
            }
            return new StoreUri("s3", null, bucket, key);
        }
        throw new InvalidInputException("invalid-uri", "A location starts with file: or s3://, got: " + uri);
    }

    private static Path filePath(String uri) {
        try {
            return uri.startsWith("file://") ? Path.of(URI.create(uri)) : Path.of(uri.substring("file:".length()));
        } catch (IllegalArgumentException e) {
            // a NUL character, or a file:// URI that is no URI: no such file can exist
            throw new InvalidInputException("invalid-uri", "Not a usable file location: " + e.getMessage());
        }
    }

    public boolean isS3() {
        return "s3".equals(scheme);
    }

    /** The key as a folder prefix: "" or ending in "/". */
    public String keyPrefix() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }
}
