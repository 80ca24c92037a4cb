package dev.modelfn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.model.ModelLoader;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.ServableModel;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.store.ModelStore;

class DemoModelsTest {

    @TempDir
    Path store;

    @Test
    void regeneratesBothDemoModelsLoadableAndGood() throws Exception {
        DemoModels.main(new String[] { store.toString(), "src/test/resources/data" });
        ModelStore models = new ModelStore(new LocalBlobStore(store), new ObjectMapper());
        assertThat(models.modelNames()).containsExactly("diabetes", "iris");

        ServableModel iris = load(models, "iris");
        assertThat((Double) iris.metadata().metrics().get("accuracy")).isGreaterThanOrEqualTo(0.93);
        assertThat(iris.metadata().standardized()).isTrue();
        assertThat(iris.metadata().scores()).isEqualTo("probabilities");

        ServableModel diabetes = load(models, "diabetes");
        assertThat((Double) diabetes.metadata().metrics().get("r2")).isGreaterThanOrEqualTo(0.40);
    }

    private static ServableModel load(ModelStore models, String name) throws Exception {
        String version = models.currentVersion(name).orElseThrow();
        ModelMetadata metadata = models.metadata(name, version).orElseThrow();
        return ModelLoader.load(metadata, models.modelBytes(name, version).orElseThrow());
    }
}
