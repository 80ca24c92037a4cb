package dev.modelfn.registry;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.metrics.ModelMetrics;
import dev.modelfn.model.ModelLoadException;
import dev.modelfn.model.ModelLoader;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.ServableModel;
import dev.modelfn.store.ModelStore;

/** Reads one model version from the store and checks it fully before anything may serve it. */
@ApplicationScoped
public class VersionLoader {

    private final ModelStore store;
    private final ModelMetrics metrics;

    public VersionLoader(ModelStore store, ModelMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** The version {@code current} names. */
    public ServableModel loadCurrent(String model) throws ModelLoadException {
        String version = store.currentVersion(model)
                .orElseThrow(() -> new ModelLoadException("the store has no current version of " + model));
        return load(model, version);
    }

    /** Counted in {@code modelfn_model_loads_total} whether it loads or not. */
    public ServableModel load(String model, String version) throws ModelLoadException {
        boolean loaded = false;
        try {
            ServableModel servable = read(model, version);
            loaded = true;
            return servable;
        } finally {
            metrics.load(model, loaded ? ModelMetrics.LOADED : ModelMetrics.FAILED);
        }
    }

    private ServableModel read(String model, String version) throws ModelLoadException {
        ModelMetadata metadata;
        try {
            metadata = store.metadata(model, version)
                    .orElseThrow(() -> new ModelLoadException("version " + version + " has no metadata.json"));
        } catch (IOException e) {
            throw new ModelLoadException("metadata.json of version " + version + " is not valid: " + e.getMessage(), e);
        }
        if (!model.equals(metadata.name()) || !version.equals(metadata.version())) {
            throw new ModelLoadException("metadata.json names " + metadata.name() + " " + metadata.version()
                    + " but lies at " + model + " " + version);
        }
        byte[] bytes = store.modelBytes(model, version)
                .orElseThrow(() -> new ModelLoadException("version " + version + " has no model.tribuo"));
        return ModelLoader.load(metadata, bytes);
    }
}
