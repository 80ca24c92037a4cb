package dev.modelfn.lifecycle;

import java.util.List;

import dev.modelfn.lifecycle.Payloads.Change;
import dev.modelfn.lifecycle.Payloads.Deleted;
import dev.modelfn.lifecycle.Payloads.Description;
import dev.modelfn.lifecycle.Payloads.ModelsResponse;
import dev.modelfn.lifecycle.Payloads.Reloaded;
import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.registry.Reloader;
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
        return lifecycle.promote(required(ref).getModel(), ref.getVersion());
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
        return new Reloaded(List.of(reloader.reloadNamed(ref.getModel())));
    }

    @Funq
    public Deleted delete(ModelRef ref) {
        lifecycle.delete(required(ref).getModel(), ref.getVersion());
        return new Deleted(ref.getModel(), ref.getVersion());
    }

    private static ModelRef required(ModelRef ref) {
        if (ref == null || ref.getModel() == null) {
            throw new InvalidInputException("missing-model", "The request must name a model.");
        }
        return ref;
    }
}
