package dev.modelfn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The YAML and JSON documents under deploy/, each file possibly holding several. */
final class Manifests {

    static final Path ROOT = Path.of("deploy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    static List<Path> files() {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of the file; CloudFormation tags such as !Sub read as their plain value. */
    static List<JsonNode> read(Path file) {
        ObjectMapper mapper = file.toString().endsWith(".json") ? JSON : YAML;
        try (MappingIterator<JsonNode> docs = mapper.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> read = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                    read.add(doc);
                }
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Every Kubernetes object of that kind under deploy/knative. */
    static List<JsonNode> kind(String kind) {
        return kind("knative", kind);
    }

    /** Every Kubernetes object of that kind under deploy/{@code folder}. */
    static List<JsonNode> kind(String folder, String kind) {
        return files().stream()
                .filter(f -> f.startsWith(ROOT.resolve(folder)))
                .flatMap(f -> read(f).stream())
                .filter(doc -> kind.equals(doc.path("kind").asText()))
                .toList();
    }

    static JsonNode samTemplate() {
        return read(ROOT.resolve("lambda/template.yaml")).get(0);
    }
}
