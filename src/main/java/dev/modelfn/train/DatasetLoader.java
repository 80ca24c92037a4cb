package dev.modelfn.train;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.NotFoundException;
import dev.modelfn.store.S3Storage;
import dev.modelfn.store.StoreUri;

/** Reads the dataset of a train call from object storage, the data folder, CSV text or inline rows. */
@ApplicationScoped
public class DatasetLoader {

    private final S3Storage s3;
    private final Path dataRoot;
    private final int maxRows;
    private final int maxCategories;

    public DatasetLoader(S3Storage s3, ModelfnConfig config) {
        this.s3 = s3;
        this.dataRoot = Path.of(config.train().dataRoot()).toAbsolutePath().normalize();
        this.maxRows = config.train().maxRows();
        this.maxCategories = config.train().maxCategories();
    }

    /** @param columns a kind per column ({@code numeric}, {@code categorical} or {@code ignore}), or null */
    public TabularData load(TrainRequest.Data data, String target, List<String> features, Map<String, String> columns) {
        return load(data, target, features, ColumnKinds.of(columns, target));
    }

    private TabularData load(TrainRequest.Data data, String target, List<String> features, ColumnKinds ignored) {
        if (data == null) {
            throw new InvalidInputException("missing-data", "Give 'data': {\"uri\":...}, {\"csv\":...} or {\"rows\":[...]}.");
        }
        int given = (data.uri() != null ? 1 : 0) + (data.csv() != null ? 1 : 0) + (data.rows() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("ambiguous-data", "'data' takes exactly one of 'uri', 'csv' or 'rows'.");
        }
        if (data.rows() != null) {
            return InlineRows.table(data.rows(), target, features, ignored, maxRows, maxCategories);
        }
        Character separator = separator(data.separator());
        if (data.csv() != null) {
            return csv(new StringReader(data.csv()), separator, target, features, ignored);
        }
        StoreUri uri = StoreUri.parse(data.uri());
        return uri.isS3() ? fromS3(uri, separator, target, features, ignored)
                : fromFile(data.uri(), uri.path(), separator, target, features, ignored);
    }

    private static Character separator(String given) {
        if (given == null) {
            return null;
        }
        String name = given.equalsIgnoreCase("tab") ? "\t" : given;
        if (name.length() == 1) {
            for (char known : CsvTableReader.SEPARATORS) {
                if (name.charAt(0) == known) {
                    return known;
                }
            }
        }
        throw new InvalidInputException("invalid-separator", "'data.separator' is one of \",\", \";\", \"\\t\" (or \"tab\")"
                + " or \"|\"; leave it out to detect it from the header line.");
    }

    private TabularData fromS3(StoreUri uri, Character separator, String target, List<String> features,
            ColumnKinds ignored) {
        if (uri.key().isEmpty()) {
            throw new InvalidInputException("invalid-uri", "The dataset location names a bucket but no object.");
        }
        return s3.read(uri, "dataset", "dataset-not-found", in -> csv(new InputStreamReader(in, StandardCharsets.UTF_8),
                separator, target, features, ignored));
    }

    private TabularData fromFile(String given, Path path, Character separator, String target, List<String> features,
            ColumnKinds ignored) {
        if (path.isAbsolute() || path.normalize().startsWith("..") || given.contains("..")) {
            throw new InvalidInputException("invalid-uri", "A file: dataset is a path relative to the data folder, without '..'.");
        }
        Path file = dataRoot.resolve(path).normalize();
        if (!file.startsWith(dataRoot)) {
            throw new InvalidInputException("invalid-uri", "A file: dataset must lie in the data folder.");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("invalid-uri", "A file: dataset names a CSV file, not a folder.");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return csv(reader, separator, target, features, ignored);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("dataset-not-found", "No dataset " + path + " in the data folder.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TabularData csv(Reader reader, Character separator, String target, List<String> features,
            ColumnKinds ignored) {
        try {
            return CsvTableReader.read(reader, separator, target, features, ignored, maxRows, maxCategories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
