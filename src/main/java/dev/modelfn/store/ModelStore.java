package dev.modelfn.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.modelfn.model.ModelMetadata;
import dev.modelfn.problem.ConflictException;
import dev.modelfn.problem.StoreUnavailableException;

/**
 * The store layout, the same in a folder and in a bucket:
 * {@code <model>/versions/<version>/model.tribuo}, {@code <model>/versions/<version>/metadata.json},
 * {@code <model>/current}, a text file naming the version being served, and {@code <model>/history/},
 * one small object per promotion or rollback, named so that they sort by time. One object per entry
 * makes the history append-only on object stores too, where an object cannot be appended to.
 * {@code current} is the one object that is replaced; {@link #swapCurrent} does it as a compare-and-set,
 * so that instances promoting at once each record the version they really replaced.
 */
@ApplicationScoped
public class ModelStore {

    public static final String MODEL_FILE = "model.tribuo";
    public static final String METADATA_FILE = "metadata.json";
    public static final String ONNX_FILE = "model.onnx";
    public static final String CURRENT_FILE = "current";
    public static final String HISTORY_FOLDER = "history";

    private final BlobStore blobs;
    private final ObjectMapper json;

    public ModelStore(BlobStore blobs, ObjectMapper json) {
        this.blobs = blobs;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public String location() {
        return blobs.location();
    }

    /** Every model in the store that has a valid name. */
    public List<String> modelNames() {
        List<String> names = new ArrayList<>();
        for (String child : blobs.children("")) {
            if (Names.isValid(child)) {
                names.add(child);
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** The versions of {@code model}, newest first (versions sort by creation time). */
    public List<String> versions(String model) {
        List<String> versions = new ArrayList<>();
        for (String child : blobs.children(Names.requireModel(model) + "/versions/")) {
            if (Names.isValid(child)) {
                versions.add(child);
            }
        }
        versions.sort(Comparator.reverseOrder());
        return versions;
    }

    public Optional<String> currentVersion(String model) {
        return blobs.read(Names.requireModel(model) + "/" + CURRENT_FILE)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8).trim())
                .filter(v -> !v.isEmpty());
    }

    public Optional<byte[]> modelBytes(String model, String version) {
        return blobs.read(versionKey(model, version) + MODEL_FILE);
    }

    /** The metadata of a version; a file that is not valid metadata reads as {@link IOException}. */
    public Optional<ModelMetadata> metadata(String model, String version) throws IOException {
        Optional<byte[]> bytes = blobs.read(versionKey(model, version) + METADATA_FILE);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(bytes.get(), ModelMetadata.class));
    }

    /**
     * Writes a new version: the model first, then its ONNX form (when not null), then its metadata. A version
     * without metadata never loads, so a write that stops half-way leaves nothing that serves.
     */
    public void writeVersion(ModelMetadata metadata, byte[] modelBytes, byte[] onnxBytes) {
        String prefix = versionKey(metadata.name(), metadata.version());
        blobs.write(prefix + MODEL_FILE, modelBytes);
        if (onnxBytes != null) {
            blobs.write(prefix + ONNX_FILE, onnxBytes);
        }
        try {
            blobs.write(prefix + METADATA_FILE, json.writeValueAsBytes(metadata));
        } catch (IOException e) {
            throw new IllegalStateException("Metadata of " + metadata.name() + " cannot be written as JSON", e);
        }
    }

    /** Removes what exists of a version, metadata first so that it stops loading at once; best effort. */
    public void deleteVersionQuietly(String model, String version) {
        try {
            deleteVersion(model, version);
        } catch (RuntimeException ignored) {
            // the failure that brought us here is the one worth reporting
        }
    }

    /** Where a version's files lie, for answers and logs. */
    public String versionLocation(String model, String version) {
        return blobs.location() + versionKey(model, version);
    }

    /** Points {@code current} at {@code version}: the last step of a promotion. */
    public void setCurrent(String model, String version) {
        blobs.write(Names.requireModel(model) + "/" + CURRENT_FILE,
                (Names.requireVersion(version) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** How often a promotion re-reads {@code current} after losing a race before it gives up. */
    static final int SWAP_ATTEMPTS = 10;

    /**
     * Points {@code current} at {@code version} if no other writer moves it between our read and our write,
     * reading again and retrying when one does: with several instances promoting at once, each promotion
     * lands and names the version it replaced, and the last to land is current.
     *
     * @return the version current named before, if any
     */
    public Optional<String> swapCurrent(String model, String version) {
        String key = Names.requireModel(model) + "/" + CURRENT_FILE;
        byte[] bytes = (Names.requireVersion(version) + "\n").getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < SWAP_ATTEMPTS; attempt++) {
            Optional<BlobStore.Tagged> now = blobs.readTagged(key);
            Optional<String> previous = now.map(t -> new String(t.bytes(), StandardCharsets.UTF_8).trim())
                    .filter(v -> !v.isEmpty());
            if (swapped(key, bytes, now.map(BlobStore.Tagged::tag).orElse(null))) {
                return previous;
            }
        }
        throw new ConflictException("promotion-contended", "Other instances kept changing the current version of '"
                + model + "' during " + SWAP_ATTEMPTS + " attempts; nothing was changed. Retry.").with("model", model);
    }

    /**
     * One conditional write of {@code current}. When its answer is lost, the write may have landed: version ids
     * are unique, so {@code current} holding this one means it did.
     */
    private boolean swapped(String key, byte[] bytes, String tag) {
        try {
            return blobs.writeIf(key, bytes, tag);
        } catch (StoreUnavailableException e) {
            if (blobs.read(key).filter(now -> Arrays.equals(now, bytes)).isPresent()) {
                return true;
            }
            throw e;
        }
    }

    /** Removes a version: metadata first, so that it stops loading at once. */
    public void deleteVersion(String model, String version) {
        String prefix = versionKey(model, version);
        blobs.delete(prefix + METADATA_FILE);
        blobs.delete(prefix + MODEL_FILE);
        blobs.delete(prefix + ONNX_FILE);
    }

    public void appendHistory(String model, HistoryEntry entry) {
        String name = entry.at().replaceAll("[^0-9A-Za-z]", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            blobs.write(Names.requireModel(model) + "/" + HISTORY_FOLDER + "/" + name, json.writeValueAsBytes(entry));
        } catch (IOException e) {
            throw new IllegalStateException("A history entry cannot be written as JSON", e);
        }
    }

    /** The promotions and rollbacks of {@code model}, oldest first; unreadable entries are skipped. */
    public List<HistoryEntry> history(String model) {
        String folder = Names.requireModel(model) + "/" + HISTORY_FOLDER + "/";
        List<String> names = new ArrayList<>(blobs.children(folder));
        names.sort(Comparator.naturalOrder());
        List<HistoryEntry> entries = new ArrayList<>(names.size());
        for (String name : names) {
            Optional<byte[]> bytes = blobs.read(folder + name);
            if (bytes.isEmpty()) {
                continue;
            }
            try {
                entries.add(json.readValue(bytes.get(), HistoryEntry.class));
            } catch (IOException e) {
                // a damaged entry must not block rollback of the rest
            }
        }
        return entries;
    }

    private static String versionKey(String model, String version) {
        return Names.requireModel(model) + "/versions/" + Names.requireVersion(version) + "/";
    }
}
