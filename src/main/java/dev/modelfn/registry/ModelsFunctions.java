package dev.modelfn.registry;

import java.util.List;

import dev.modelfn.model.ServableModel;
import dev.modelfn.store.Names;
import io.quarkus.funqy.Funq;

/** The models function: GET or POST /models lists what this instance serves. */
public class ModelsFunctions {

    private final ModelRegistry registry;

    public ModelsFunctions(ModelRegistry registry) {
        this.registry = registry;
    }

    @Funq
    public ModelsResponse models(ModelsQuery query) {
        if (query != null && query.getModel() != null) {
            ServableModel model = registry.require(Names.requireModel(query.getModel()), null);
            return new ModelsResponse(List.of(ModelSummary.of(model.metadata())));
        }
        return new ModelsResponse(registry.served().stream().map(m -> ModelSummary.of(m.metadata())).toList());
    }
}
