package dev.modelfn.lifecycle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.lifecycle.Payloads.Description;
import dev.modelfn.lifecycle.Payloads.ModelOverview;
import dev.modelfn.lifecycle.Payloads.OnnxSignature;
import dev.modelfn.lifecycle.Payloads.VersionSummary;
import dev.modelfn.model.ModelLoadException;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.OnnxExport;
import dev.modelfn.model.ServableModel;
import dev.modelfn.model.Task;
import dev.modelfn.problem.NotFoundException;
import dev.modelfn.problem.UnprocessableException;
import dev.modelfn.registry.ModelRegistry;
import dev.modelfn.registry.Reloader;
import dev.modelfn.registry.VersionLoader;
import dev.modelfn.store.ModelStore;
import dev.modelfn.store.Names;

/** Reads what the store holds and what this instance serves: the models and describe functions. */
@ApplicationScoped
public class VersionCatalog {

    static final int TOP_FEATURES = 10;

    private final ModelStore store;
    private final ModelRegistry registry;
    private final VersionLoader loader;
    private final Reloader reloader;

    public VersionCatalog(ModelStore store, ModelRegistry registry, VersionLoader loader, Reloader reloader) {
        this.store = store;
        this.registry = registry;
        this.loader = loader;
        this.reloader = reloader;
    }

    /** Every model served here or found in the store (or only {@code model}), by name. */
    public List<ModelOverview> overview(String model) {
        TreeSet<String> names = new TreeSet<>();
        if (model != null) {
            names.add(Names.requireModel(model));
        } else {
            names.addAll(reloader.modelsToServe());
            registry.served().forEach(m -> names.add(m.name()));
        }
        List<ModelOverview> overviews = new ArrayList<>();
        for (String name : names) {
            ModelOverview overview = overviewOf(name);
            if (overview != null) {
                overviews.add(overview);
            }
        }
        if (model != null && overviews.isEmpty()) {
            throw new NotFoundException("unknown-model", "No model named '" + model + "' is served or stored.")
                    .with("model", model);
        }
        return overviews;
    }

    private ModelOverview overviewOf(String name) {
        ServableModel served = registry.find(name);
        String current = store.currentVersion(name).orElse(null);
        List<VersionSummary> versions = new ArrayList<>();
        for (String version : store.versions(name)) {
            versions.add(summary(name, version, current, served));
        }
        if (served == null && current == null && versions.isEmpty()) {
            return null;
        }
        String error = registry.failure(name);
        if (served == null) {
            return new ModelOverview(name, null, current, null, null, null, null, null, null, null, null, error, versions);
        }
        ModelMetadata m = served.metadata();
        return new ModelOverview(name, m.version(), current, m.task().wireName(), m.features(), m.categories(),
                m.outputs(), m.scores(), m.metrics(), m.createdAt(), m.trainer(), error, versions);
    }

    private VersionSummary summary(String name, String version, String current, ServableModel served) {
        boolean loaded = served != null && served.version().equals(version);
        try {
            ModelMetadata metadata = loaded ? served.metadata() : store.metadata(name, version).orElse(null);
            if (metadata == null) {
                return new VersionSummary(version, null, null, version.equals(current), loaded);
            }
            return new VersionSummary(version, metadata.createdAt(), headline(metadata), version.equals(current), loaded);
        } catch (IOException e) {
            return new VersionSummary(version, null, null, version.equals(current), loaded);
        }
    }

    private static Map<String, Object> headline(ModelMetadata metadata) {
        String key = metadata.task() == Task.CLASSIFICATION ? "accuracy" : "r2";
        Object value = metadata.metrics() == null ? null : metadata.metrics().get(key);
        return value == null ? null : Map.of(key, value);
    }

    /** A version (default: the one served here, else the store's current) with its top features. */
    public Description describe(String model, String version) {
        String name = Names.requireModel(model);
        ServableModel served = registry.find(name);
        String current = store.currentVersion(name).orElse(null);
        ServableModel described = resolve(name, version, served, current);
        OnnxExport onnx = described.onnx();
        return new Description(described.metadata(), described.version().equals(current),
                described == served, described.topFeatures(TOP_FEATURES),
                new OnnxSignature(OnnxExport.INPUT, onnx.features(), OnnxExport.OUTPUT, onnx.outputs()));
    }

    /** A version (default: the one served here, else the store's current), the served one or loaded from the store. */
    public ServableModel resolve(String model, String version) {
        String name = Names.requireModel(model);
        ServableModel served = registry.find(name);
        String current = version != null || served != null ? null : store.currentVersion(name).orElse(null);
        return resolve(name, version, served, current);
    }

    private ServableModel resolve(String name, String version, ServableModel served, String current) {
        String wanted = version != null ? Names.requireVersion(version) : served != null ? served.version() : current;
        if (wanted == null) {
            throw new NotFoundException("unknown-model", "No model named '" + name + "' is served or stored.")
                    .with("model", name);
        }
        return served != null && served.version().equals(wanted) ? served : load(name, wanted);
    }

    ServableModel load(String name, String version) {
        if (!store.versions(name).contains(version)) {
            throw new NotFoundException("unknown-version", "Model '" + name + "' has no version " + version + " in the store.")
                    .with("model", name).with("version", version);
        }
        try {
            return loader.load(name, version);
        } catch (ModelLoadException e) {
            throw new UnprocessableException("version-refused", "Version " + version + " of '" + name
                    + "' fails its checks: " + e.getMessage()).with("model", name).with("version", version);
        }
    }
}
