package dev.modelfn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Points the application at the test S3 server: the model store is a fresh prefix of bucket
 * {@code models} (init arg {@code seed=true} copies the demo models into it), and bucket
 * {@code datasets} holds the bundled CSVs. {@code file:} datasets are read from a copy of the bundled data
 * folder. Fields annotated {@link StoreUri} receive the store's URI.
 */
public class S3StoreResource implements QuarkusTestResourceLifecycleManager {

    public static final String MODELS_BUCKET = "models";
    public static final String DATASETS_BUCKET = "datasets";

    private boolean seed;
    private String storeUri;
    private Path data;

    @Override
    public void init(Map<String, String> initArgs) {
        seed = Boolean.parseBoolean(initArgs.getOrDefault("seed", "false"));
    }

    @Override
    public Map<String, String> start() {
        String prefix = "run-" + UUID.randomUUID();
        try (S3Client s3 = S3TestServer.client()) {
            createBucket(s3, MODELS_BUCKET);
            createBucket(s3, DATASETS_BUCKET);
            upload(s3, Path.of("src/test/resources/data"), DATASETS_BUCKET, "");
            if (seed) {
                upload(s3, Path.of("models"), MODELS_BUCKET, prefix + "/");
            }
        }
        storeUri = "s3://" + MODELS_BUCKET + "/" + prefix;
        data = DataFolder.copy();
        Map<String, String> config = new HashMap<>();
        config.put("modelfn.store.uri", storeUri);
        config.put("modelfn.train.data-root", data.toString());
        // the packaged application under an integration test would otherwise listen on every interface
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.s3.endpoint-override", S3TestServer.endpoint().toString());
        config.put("quarkus.s3.path-style-access", "true");
        config.put("quarkus.s3.aws.region", S3TestServer.REGION);
        config.put("quarkus.s3.aws.credentials.type", "static");
        config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", S3TestServer.ACCESS_KEY);
        config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", S3TestServer.SECRET_KEY);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(storeUri, new TestInjector.AnnotatedAndMatchesType(StoreUri.class, String.class));
    }

    @Override
    public void stop() {
        // the S3 server is shared by the whole run and keeps nothing on disk
        StoreFolderResource.deleteTree(data);
    }

    private static void createBucket(S3Client s3, String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // created by an earlier test application
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }

    private static void upload(S3Client s3, Path folder, String bucket, String prefix) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = prefix + folder.relativize(file).toString().replace('\\', '/');
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
