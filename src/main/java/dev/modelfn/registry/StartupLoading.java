package dev.modelfn.registry;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.model.ModelLoadException;
import dev.modelfn.model.ServableModel;
import dev.modelfn.problem.StoreUnavailableException;
import dev.modelfn.store.ModelStore;
import dev.modelfn.store.Names;
import io.quarkus.runtime.StartupEvent;

/** Loads every model to serve at its current version when the function starts; nothing else. */
@ApplicationScoped
public class StartupLoading {

    private static final Logger LOG = Logger.getLogger(StartupLoading.class);

    private final ModelfnConfig config;
    private final ModelStore store;
    private final VersionLoader loader;
    private final ModelRegistry registry;

    public StartupLoading(ModelfnConfig config, ModelStore store, VersionLoader loader, ModelRegistry registry) {
        this.config = config;
        this.store = store;
        this.loader = loader;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            for (String name : modelsToServe()) {
                load(name);
            }
        } catch (StoreUnavailableException e) {
            LOG.errorf("Model store %s is unreachable: %s", store.location(), e.getMessage());
            registry.failed("(store)", e.getMessage());
            registry.expect("(store)");
        }
        registry.markStarted();
    }

    private List<String> modelsToServe() {
        return config.models().orElseGet(store::modelNames);
    }

    private void load(String name) {
        registry.expect(name);
        if (!Names.isValid(name)) {
            registry.failed(name, "not a valid model name");
            LOG.errorf("modelfn.models lists '%s', which is not a valid model name", name);
            return;
        }
        long start = System.nanoTime();
        try {
            ServableModel model = loader.loadCurrentOrFail(name);
            registry.serve(model);
            LOG.infof("Loaded model %s version %s in %d ms", name, model.version(), (System.nanoTime() - start) / 1_000_000);
        } catch (ModelLoadException e) {
            registry.failed(name, e.getMessage());
            LOG.errorf("Model %s not loaded: %s", name, e.getMessage());
        }
    }
}
