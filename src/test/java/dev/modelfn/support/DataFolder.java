package dev.modelfn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary copy of the bundled datasets, given to the application as its absolute
 * {@code modelfn.train.data-root}, so {@code file:} datasets resolve wherever the packaged application
 * (jar or native executable) runs from.
 */
public final class DataFolder {

    private static final Path BUNDLED = Path.of("src/test/resources/data");

    private DataFolder() {
    }

    public static Path copy() {
        try {
            Path folder = Files.createTempDirectory("modelfn-data");
            StoreFolderResource.copyTree(BUNDLED, folder);
            return folder.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
