package dev.modelfn.support;

import java.util.List;
import java.util.Optional;

import dev.modelfn.store.BlobStore;

/** A store that passes every call to another; tests override the calls they make fail. */
public abstract class ForwardingBlobStore implements BlobStore {

    protected final BlobStore real;

    protected ForwardingBlobStore(BlobStore real) {
        this.real = real;
    }

    @Override
    public Optional<byte[]> read(String key) {
        return real.read(key);
    }

    @Override
    public void write(String key, byte[] bytes) {
        real.write(key, bytes);
    }

    @Override
    public Optional<Tagged> readTagged(String key) {
        return real.readTagged(key);
    }

    @Override
    public boolean writeIf(String key, byte[] bytes, String tag) {
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
