package dev.modelfn.registry;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.modelfn.model.ServableModel;
import dev.modelfn.store.HistoryEntry;
import dev.modelfn.store.ModelStore;

/**
 * Makes a checked, loaded version the one served: {@code current} is written first (a compare-and-set,
 * so that a concurrent promotion by another instance is never lost), so that other instances and
 * restarts follow, then the change is recorded in the history with the version it really replaced,
 * then this instance swaps it in.
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
        change(model, HistoryEntry.PROMOTE);
    }

    public void rollBackTo(ServableModel model) {
        change(model, HistoryEntry.ROLLBACK);
    }

    private void change(ServableModel model, String action) {
        String previous = store.swapCurrent(model.name(), model.version()).orElse(null);
        store.appendHistory(model.name(), new HistoryEntry(Instant.now().toString(), action, model.version(), previous));
        registry.serve(model);
        LOG.infof("Model %s: %s to version %s (was %s)", model.name(), action, model.version(), previous);
    }
}
