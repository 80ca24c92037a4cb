package dev.modelfn.support;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.problem.StoreUnavailableException;
import dev.modelfn.store.BlobStore;
import dev.modelfn.store.BlobStoreProducer;
import dev.modelfn.store.S3Access;

/**
 * The configured store, with writes of keys ending in a chosen suffix failing on demand. Enabled only
 * by test profiles that list it in {@code getEnabledAlternatives()}.
 */
@Alternative
@ApplicationScoped
public class FaultInjectingBlobStore implements BlobStore {

    private final BlobStore real;
    private volatile String failingSuffix;

    public FaultInjectingBlobStore(ModelfnConfig config, S3Access s3) {
        this.real = BlobStoreProducer.open(config.store(), s3);
    }

    public void failWritesEndingWith(String suffix) {
        failingSuffix = suffix;
    }

    @Override
    public Optional<byte[]> read(String key) {
        return real.read(key);
    }

    @Override
    public void write(String key, byte[] bytes) {
        String suffix = failingSuffix;
        if (suffix != null && key.endsWith(suffix)) {
            throw new StoreUnavailableException("Injected failure writing " + key, null);
        }
        real.write(key, bytes);
    }

    @Override
    public Optional<Tagged> readTagged(String key) {
        return real.readTagged(key);
    }

    @Override
    public boolean writeIf(String key, byte[] bytes, String tag) {
        String suffix = failingSuffix;
        if (suffix != null && key.endsWith(suffix)) {
            throw new StoreUnavailableException("Injected failure writing " + key, null);
        }
        return real.writeIf(key, bytes, tag);
    }

    @Override
    public List<String> children(String prefix) {
        return real.children(prefix);
    }

    @Override
    public void delete(String key) {
        real.delete(key);
    }

    @Override
    public String location() {
        return real.location();
    }
}
