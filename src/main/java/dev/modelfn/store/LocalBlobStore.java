package dev.modelfn.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.modelfn.problem.StoreUnavailableException;

/** A folder on the local file system: the embedded default store. */
public final class LocalBlobStore implements BlobStore {

    private final Path root;

    public LocalBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path file = resolve(key);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot read " + key + " from " + location() + ": " + e, e);
        }
    }

    @Override
    public void write(String key, byte[] bytes) {
        Path file = resolve(key);
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StoreUnavailableException("Cannot write " + key + " to " + location() + ": " + e, e);
        }
    }

    @Override
    public List<String> children(String prefix) {
        Path folder = prefix.isEmpty() ? root : resolve(prefix);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> names = new ArrayList<>();
            entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot list " + prefix + " in " + location() + ": " + e, e);
        }
    }

    /** Deletes the file and the folders it leaves empty, as an object store has no empty folders. */
    @Override
    public void delete(String key) {
        try {
            Path file = resolve(key);
            Files.deleteIfExists(file);
            for (Path folder = file.getParent(); !folder.equals(root) && isEmptyFolder(folder); folder = folder.getParent()) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot delete " + key + " in " + location() + ": " + e, e);
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public String location() {
        return root.toUri().toString();
    }

    /** Keys come from validated names; the check below keeps any future slip inside the root. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Key leaves the store root: " + key);
        }
        return path;
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; that is the error worth reporting
        }
    }
}
