package dev.modelfn.lifecycle;

import java.util.List;

import dev.modelfn.lifecycle.Payloads.Change;
import dev.modelfn.lifecycle.Payloads.Deleted;
import dev.modelfn.lifecycle.Payloads.Description;
import dev.modelfn.lifecycle.Payloads.ModelsResponse;
import dev.modelfn.lifecycle.Payloads.Reloaded;
import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.UnprocessableException;
import dev.modelfn.registry.ReloadOutcome;
import dev.modelfn.registry.Reloader;
import dev.modelfn.store.Names;
import io.quarkus.funqy.Funq;

/** The lifecycle functions: models, describe, promote, rollback, reload, delete. */
public class LifecycleFunctions {

    private final VersionCatalog catalog;
    private final Lifecycle lifecycle;
    private final Reloader reloader;

    public LifecycleFunctions(VersionCatalog catalog, Lifecycle lifecycle, Reloader reloader) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.reloader = reloader;
    }

    @Funq
    public ModelsResponse models(ModelRef ref) {
        return new ModelsResponse(catalog.overview(ref == null ? null : ref.getModel()));
    }

    @Funq
    public Description describe(ModelRef ref) {
        return catalog.describe(required(ref).getModel(), ref.getVersion());
    }

    @Funq
    public Change promote(ModelRef ref) {
        Lifecycle.requireVersion(required(ref).getVersion());
        return lifecycle.promote(ref.getModel(), ref.getVersion());
    }

    @Funq
    public Change rollback(ModelRef ref) {
        return lifecycle.rollback(required(ref).getModel());
    }

    @Funq
    public Reloaded reload(ModelRef ref) {
        if (ref == null || ref.getModel() == null) {
            return new Reloaded(reloader.reloadAll());
        }
        ReloadOutcome outcome = reloader.reload(Names.requireModel(ref.getModel()));
        if (outcome.error() != null) {
            throw new UnprocessableException("reload-failed", "Model '" + outcome.model() + "' keeps serving "
                    + outcome.version() + ": the store's current version cannot be loaded (" + outcome.error() + ").")
                    .with("model", outcome.model());
        }
        return new Reloaded(List.of(outcome));
    }

    @Funq
    public Deleted delete(ModelRef ref) {
        Lifecycle.requireVersion(required(ref).getVersion());
        lifecycle.delete(ref.getModel(), ref.getVersion());
        return new Deleted(ref.getModel(), ref.getVersion());
    }

    private static ModelRef required(ModelRef ref) {
        if (ref == null || ref.getModel() == null) {
            throw new InvalidInputException("missing-model", "The request must name a model.");
        }
        return ref;
    }
}
