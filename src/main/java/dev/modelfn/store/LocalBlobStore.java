package dev.modelfn.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.modelfn.model.Checksums;
import dev.modelfn.problem.StoreUnavailableException;

/**
 * A folder on the local file system: the embedded default store. The folder may be a network mount, so
 * every operation ends within the store timeout ({@link TimedIo}).
 */
public final class LocalBlobStore implements BlobStore {

    /** The default of {@code modelfn.store.timeout}, for stores made outside the application. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(6);
    private static final int DEFAULT_THREADS = 8;

    private final Path root;
    private final TimedIo io;

    public LocalBlobStore(Path root) {
        this(root, DEFAULT_TIMEOUT, DEFAULT_THREADS);
    }

    /**
     * @param timeout longest one operation may take
     * @param threads most operations at once
     */
    public LocalBlobStore(Path root, Duration timeout, int threads) {
        this.root = root.toAbsolutePath().normalize();
        this.io = new TimedIo(timeout, threads);
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path file = resolve(key);
        try {
            return Optional.of(io.call("read " + key + " from " + location(), () -> Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot read " + key + " from " + location() + ": " + e, e);
        }
    }

    @Override
    public void write(String key, byte[] bytes) {
        Path file = resolve(key);
        try {
            io.call("write " + key + " to " + location(), () -> {
                Files.createDirectories(file.getParent());
                replace(file, bytes);
                return null;
            });
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot write " + key + " to " + location() + ": " + e, e);
        }
    }

    @Override
    public Optional<Tagged> readTagged(String key) {
        return read(key).map(bytes -> new Tagged(bytes, Checksums.sha256(bytes)));
    }

    /**
     * Compare-and-set under an exclusive lock on a hidden lock file next to the object, which holds for
     * every process on this machine (and on network file systems that support locks).
     */
    @Override
    public boolean writeIf(String key, byte[] bytes, String tag) {
        Path file = resolve(key);
        Path lock = file.resolveSibling("." + file.getFileName() + ".lock");
        try {
            return io.call("write " + key + " to " + location(), () -> {
                Files.createDirectories(file.getParent());
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock held = lock(channel)) {
                    String now = Files.exists(file) ? Checksums.sha256(Files.readAllBytes(file)) : null;
                    if (!Objects.equals(now, tag)) {
                        return false;
                    }
                    replace(file, bytes);
                    return true;
                }
            });
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot write " + key + " to " + location() + ": " + e, e);
        }
    }

    /** Waits for the lock, whether another process or another store object of this one holds it. */
    private static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held within this process, which a file lock does not arbitrate
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("Interrupted while waiting for " + channel);
            }
        }
    }

    private static void replace(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    @Override
    public List<String> children(String prefix) {
        Path folder = prefix.isEmpty() ? root : resolve(prefix);
        try {
            return io.call("list " + prefix + " in " + location(), () -> list(folder));
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot list " + prefix + " in " + location() + ": " + e, e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> names = new ArrayList<>();
            entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
            return names;
        }
    }

    /** Deletes the file and the folders it leaves empty, as an object store has no empty folders. */
    @Override
    public void delete(String key) {
        Path file = resolve(key);
        try {
            io.call("delete " + key + " in " + location(), () -> {
                Files.deleteIfExists(file);
                for (Path folder = file.getParent(); !folder.equals(root) && isEmptyFolder(folder); folder = folder.getParent()) {
                    Files.deleteIfExists(folder);
                }
                return null;
            });
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
