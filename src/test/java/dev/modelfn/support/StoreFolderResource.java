package dev.modelfn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives each test application its own copy of the repo's demo model store, so tests may damage it, and
 * of the bundled datasets as its data folder. Init arg {@code corrupt=<model>} flips one byte of that
 * model's current model.tribuo. Fields annotated {@link StoreUri} receive the store's URI.
 */
public class StoreFolderResource implements QuarkusTestResourceLifecycleManager {

    private Path folder;
    private Path data;
    private String corrupt;

    @Override
    public void init(Map<String, String> initArgs) {
        corrupt = initArgs.get("corrupt");
    }

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("modelfn-store");
            copyTree(Path.of("models"), folder);
            if (corrupt != null) {
                flipOneByte(folder, corrupt);
            }
            data = DataFolder.copy();
            // the packaged application under an integration test would otherwise listen on every interface
            return Map.of("modelfn.store.uri", folder.toUri().toString(),
                    "modelfn.train.data-root", data.toString(), "quarkus.http.host", "127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(folder.toUri().toString(), new TestInjector.AnnotatedAndMatchesType(StoreUri.class, String.class));
    }

    @Override
    public void stop() {
        deleteTree(folder);
        deleteTree(data);
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    public static void flipOneByte(Path store, String model) throws IOException {
        String version = Files.readString(store.resolve(model).resolve("current")).trim();
        Path file = store.resolve(model).resolve("versions").resolve(version).resolve("model.tribuo");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    public static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
