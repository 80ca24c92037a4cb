package dev.modelfn.support;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.problem.StoreUnavailableException;
import dev.modelfn.store.BlobStoreProducer;
import dev.modelfn.store.S3Storage;

/**
 * The configured store, with writes of keys ending in a chosen suffix failing on demand. Enabled only
 * by test profiles that list it in {@code getEnabledAlternatives()}. A singleton: a client proxy would need a
 * constructor without arguments.
 */
@Alternative
@Singleton
public class FaultInjectingBlobStore extends ForwardingBlobStore {

    private volatile String failingSuffix;

    public FaultInjectingBlobStore(ModelfnConfig config, S3Storage s3) {
        super(BlobStoreProducer.open(config.store(), s3));
    }

    public void failWritesEndingWith(String suffix) {
        failingSuffix = suffix;
    }

    @Override
    public void write(String key, byte[] bytes) {
        failIfChosen(key);
        real.write(key, bytes);
    }

    @Override
    public boolean writeIf(String key, byte[] bytes, String tag) {
        failIfChosen(key);
        return real.writeIf(key, bytes, tag);
    }

    private void failIfChosen(String key) {
        String suffix = failingSuffix;
        if (suffix != null && key.endsWith(suffix)) {
            throw new StoreUnavailableException("Injected failure writing " + key, null);
        }
    }
}
