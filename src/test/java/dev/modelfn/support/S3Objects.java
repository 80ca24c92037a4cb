package dev.modelfn.support;

import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Looks into the test bucket through the S3 API, as an operator would. */
public final class S3Objects {

    private S3Objects() {
    }

    /** Keys under {@code <store prefix>/<model>/}, relative to it. */
    public static List<String> keysOf(String storeUri, String model) {
        String bucket = S3StoreResource.MODELS_BUCKET;
        String prefix = storeUri.substring(("s3://" + bucket + "/").length()) + "/" + model + "/";
        try (S3Client s3 = S3TestServer.client()) {
            return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).map(key -> key.substring(prefix.length())).sorted().toList();
        }
    }
}
