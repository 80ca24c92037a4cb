package dev.modelfn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ModelLoaderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/iris");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void loadsTheFixture() throws Exception {
        ServableModel model = ModelLoader.load(metadata(), bytes());
        assertThat(model).isInstanceOf(ClassifierModel.class);
        assertThat(model.name()).isEqualTo("iris");
    }

    @Test
    void refusesBytesThatFailTheChecksum() throws Exception {
        byte[] bytes = bytes();
        bytes[10] ^= 0x40;
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(metadata(), bytes));
        assertThat(e.getMessage()).contains("checksum");
    }

    @Test
    void refusesBytesThatAreNotATribuoProtobuf() throws Exception {
        byte[] garbage = "definitely not a model".getBytes();
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ModelLoader.load(withSha(metadata(), garbage), garbage));
        assertThat(e.getMessage()).contains("model.tribuo");
    }

    @Test
    void refusesJavaSerializedObjects() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(new ArrayList<>(List.of("not", "a", "model")));
        }
        byte[] serialized = out.toByteArray();
        assertThrows(ModelLoadException.class, () -> ModelLoader.load(withSha(metadata(), serialized), serialized));
    }

    @Test
    void refusesAClassifierDeclaredAsRegression() throws Exception {
        ModelMetadata m = metadata();
        ModelMetadata wrongTask = new ModelMetadata(m.name(), m.version(), Task.REGRESSION, m.features(), m.outputs(),
                null, m.metrics(), m.createdAt(), m.sha256(), m.tribuoVersion(), m.trainer(), m.standardized());
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(wrongTask, bytes()));
        assertThat(e.getMessage()).contains("regression");
    }

    @Test
    void refusesMetadataThatOmitsAFeatureTheModelUses() throws Exception {
        ModelMetadata m = metadata();
        ModelMetadata fewer = new ModelMetadata(m.name(), m.version(), m.task(), m.features().subList(0, 3), m.outputs(),
                m.scores(), m.metrics(), m.createdAt(), m.sha256(), m.tribuoVersion(), m.trainer(), m.standardized());
        assertThrows(ModelLoadException.class, () -> ModelLoader.load(fewer, bytes()));
    }

    @Test
    void refusesMetadataWhoseLabelsDisagree() throws Exception {
        ModelMetadata m = metadata();
        ModelMetadata other = new ModelMetadata(m.name(), m.version(), m.task(), m.features(), List.of("a", "b", "c"),
                m.scores(), m.metrics(), m.createdAt(), m.sha256(), m.tribuoVersion(), m.trainer(), m.standardized());
        assertThrows(ModelLoadException.class, () -> ModelLoader.load(other, bytes()));
    }

    private ModelMetadata metadata() throws IOException {
        return json.readValue(FIXTURE.resolve("metadata.json").toFile(), ModelMetadata.class);
    }

    private static byte[] bytes() throws IOException {
        return Files.readAllBytes(FIXTURE.resolve("model.tribuo"));
    }

    private static ModelMetadata withSha(ModelMetadata m, byte[] bytes) {
        return new ModelMetadata(m.name(), m.version(), m.task(), m.features(), m.outputs(), m.scores(), m.metrics(),
                m.createdAt(), Checksums.sha256(bytes), m.tribuoVersion(), m.trainer(), m.standardized());
    }
}
