package dev.modelfn.store;

import java.util.List;
import java.util.Optional;

/**
 * Keys to bytes: the little that modelfn needs from a local folder or an object store. Keys are
 * slash-separated relative paths built by {@link ModelStore} from validated names. Any I/O failure
 * surfaces as {@link dev.modelfn.problem.StoreUnavailableException}.
 */
public interface BlobStore {

    /** The bytes at {@code key}, or empty when there is no such object. */
    Optional<byte[]> read(String key);

    /** Writes {@code bytes} at {@code key}; readers see the old or the new bytes, never a part. */
    void write(String key, byte[] bytes);

    /** An object's bytes with a tag that changes whenever they do (an S3 ETag). */
    record Tagged(byte[] bytes, String tag) {
    }

    /** The bytes at {@code key} with their tag, or empty when there is no such object. */
    Optional<Tagged> readTagged(String key);

    /**
     * Writes {@code bytes} at {@code key} only if the object is still as read: at {@code tag}, or absent when
     * {@code tag} is null. False, writing nothing, when another writer changed it first; this compare-and-set
     * holds across instances sharing the store.
     */
    boolean writeIf(String key, byte[] bytes, String tag);

    /** Names of the immediate children of {@code prefix} ("" for the root, else ending in "/"). */
    List<String> children(String prefix);

    /** Removes the object at {@code key}, if any. */
    void delete(String key);

    /** Where the store is, for logs and health answers. */
    String location();
}
