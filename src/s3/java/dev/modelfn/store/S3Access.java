package dev.modelfn.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.modelfn.problem.StoreUnavailableException;
import io.quarkus.arc.ClientProxy;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one S3 client, created on first use from the {@code quarkus.s3.*} settings. A client that cannot be
 * created (no region, say) is a 503 {@code store-unavailable} naming the setting to fix, on every call: the
 * extension's client builder is left half-configured by a failed build, and building again fails with an
 * unrelated error ("UseArnRegion has been configured on both..."), so the first failure is kept.
 */
@ApplicationScoped
public class S3Access {

    private final Instance<S3Client> clients;
    private S3Client client;
    private String failure;

    public S3Access(Instance<S3Client> clients) {
        this.clients = clients;
    }

    /** The client; throws {@link StoreUnavailableException} when it cannot be created. */
    public synchronized S3Client client() {
        if (client == null && failure == null) {
            try {
                // unwrapping creates the instance behind the client proxy, so its failure surfaces here
                client = ClientProxy.unwrap(clients.get());
            } catch (RuntimeException e) {
                failure = S3Failures.reason(e);
            }
        }
        if (failure != null) {
            throw new StoreUnavailableException("The S3 client cannot be created: " + failure, null);
        }
        return client;
    }
}
