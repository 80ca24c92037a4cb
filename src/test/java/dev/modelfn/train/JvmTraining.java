package dev.modelfn.train;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.metrics.ModelMetrics;
import dev.modelfn.metrics.TrainMetrics;
import dev.modelfn.registry.ModelRegistry;
import dev.modelfn.registry.Promoter;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.store.ModelStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The application's train path ({@link TrainService} and what it uses) built by hand in the test's own
 * JVM, writing to a store folder of its own: what a packaged application must reproduce.
 */
final class JvmTraining {

    private JvmTraining() {
    }

    /** A train service on the store folder {@code store}, reading {@code file:} datasets from {@code dataRoot}. */
    static TrainService on(Path store, Path dataRoot) {
        ModelfnConfig config = new SmallRyeConfigBuilder().withMapping(ModelfnConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValue("modelfn.train.data-root", dataRoot.toAbsolutePath().toString())
                .build().getConfigMapping(ModelfnConfig.class);
        ModelStore models = new ModelStore(new LocalBlobStore(store), new ObjectMapper());
        ModelRegistry registry = new ModelRegistry(new ModelMetrics(new SimpleMeterRegistry()));
        // no S3 client: the comparisons train on inline data
        return new TrainService(new DatasetLoader(null, config), models, new Promoter(models, registry), registry,
                new TrainMetrics(new SimpleMeterRegistry()), new TrainingSlots(config));
    }
}
