package dev.modelfn.lifecycle;

import dev.modelfn.store.BlobStore;
import dev.modelfn.store.S3BlobStore;
import dev.modelfn.support.S3StoreResource;
import dev.modelfn.support.S3TestServer;
import dev.modelfn.support.StoreUri;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
@WithTestResource(value = S3StoreResource.class, initArgs = @ResourceArg(name = "seed", value = "true"))
class S3LifecycleTest extends LifecycleContract {

    @StoreUri
    String storeUri;

    @Override
    BlobStore otherInstance() {
        String prefix = storeUri.substring(("s3://" + S3StoreResource.MODELS_BUCKET + "/").length()) + "/";
        S3Client client = S3TestServer.client();
        return new S3BlobStore(() -> client, S3StoreResource.MODELS_BUCKET, prefix);
    }
}
