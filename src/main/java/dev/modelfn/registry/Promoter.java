package dev.modelfn.registry;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.modelfn.model.ServableModel;
import dev.modelfn.store.ModelStore;

/**
 * Makes a checked, loaded version the one served: {@code current} is written first, so that other
 * instances and restarts follow, then this instance swaps it in.
 */
@ApplicationScoped
public class Promoter {

    private static final Logger LOG = Logger.getLogger(Promoter.class);

    private final ModelStore store;
    private final ModelRegistry registry;

    public Promoter(ModelStore store, ModelRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    public void promote(ServableModel model) {
        store.setCurrent(model.name(), model.version());
        registry.serve(model);
        LOG.infof("Model %s now serves version %s", model.name(), model.version());
    }
}
