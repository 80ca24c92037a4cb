package dev.modelfn.lifecycle;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.lifecycle.Payloads.Change;
import dev.modelfn.model.ServableModel;
import dev.modelfn.problem.ConflictException;
import dev.modelfn.problem.NotFoundException;
import dev.modelfn.problem.UnprocessableException;
import dev.modelfn.registry.ModelRegistry;
import dev.modelfn.registry.Promoter;
import dev.modelfn.store.HistoryEntry;
import dev.modelfn.store.ModelStore;
import dev.modelfn.store.Names;

/**
 * Changes which version serves: promote, roll back, delete. Every change loads and checks the version
 * before anything points at it, so a bad version never reaches traffic.
 */
@ApplicationScoped
public class Lifecycle {

    private final ModelStore store;
    private final ModelRegistry registry;
    private final VersionCatalog catalog;
    private final Promoter promoter;

    public Lifecycle(ModelStore store, ModelRegistry registry, VersionCatalog catalog, Promoter promoter) {
        this.store = store;
        this.registry = registry;
        this.catalog = catalog;
        this.promoter = promoter;
    }

    public Change promote(String model, String version) {
        String name = Names.requireModel(model);
        String wanted = Names.requireVersion(version);
        String previous = store.currentVersion(name).orElse(null);
        ServableModel candidate = catalog.load(name, wanted);
        checkTask(candidate);
        if (wanted.equals(previous) && registry.find(name) != null && wanted.equals(registry.find(name).version())) {
            return new Change(name, wanted, previous, "unchanged");
        }
        promoter.promote(candidate);
        return new Change(name, wanted, previous, HistoryEntry.PROMOTE);
    }

    public Change rollback(String model) {
        String name = Names.requireModel(model);
        String current = store.currentVersion(name)
                .orElseThrow(() -> new NotFoundException("unknown-model", "Model '" + name + "' has no current version.")
                        .with("model", name));
        List<String> existing = store.versions(name);
        for (String target : PromotionStack.rollbackTargets(store.history(name), current)) {
            if (existing.contains(target)) {
                ServableModel candidate = catalog.load(name, target);
                checkTask(candidate);
                promoter.rollBackTo(candidate);
                return new Change(name, target, current, HistoryEntry.ROLLBACK);
            }
        }
        throw new ConflictException("nothing-to-roll-back", "Model '" + name + "' has no earlier promoted version to return to.")
                .with("model", name);
    }

    public void delete(String model, String version) {
        String name = Names.requireModel(model);
        String doomed = Names.requireVersion(version);
        if (!store.versions(name).contains(doomed)) {
            throw new NotFoundException("unknown-version", "Model '" + name + "' has no version " + doomed + " in the store.")
                    .with("model", name).with("version", doomed);
        }
        ServableModel served = registry.find(name);
        if (doomed.equals(store.currentVersion(name).orElse(null)) || served != null && doomed.equals(served.version())) {
            throw new ConflictException("version-in-use", "Version " + doomed + " of '" + name
                    + "' is current or being served; promote another version first.")
                    .with("model", name).with("version", doomed);
        }
        store.deleteVersion(name, doomed);
    }

    /** A classifier never replaces a regressor, nor the other way round. */
    private void checkTask(ServableModel candidate) {
        ServableModel serving = registry.find(candidate.name());
        if (serving != null && serving.metadata().task() != candidate.metadata().task()) {
            throw new UnprocessableException("task-mismatch", "Version " + candidate.version() + " is a "
                    + candidate.metadata().task().wireName() + " model; '" + candidate.name() + "' serves "
                    + serving.metadata().task().wireName() + ".").with("model", candidate.name());
        }
    }

}
