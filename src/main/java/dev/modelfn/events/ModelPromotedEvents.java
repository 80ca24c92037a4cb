package dev.modelfn.events;

import dev.modelfn.lifecycle.ModelRef;
import dev.modelfn.problem.NotFoundException;
import dev.modelfn.registry.Reloader;
import dev.modelfn.store.Names;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;

/**
 * {@code modelfn.model.promoted} in (data {@code {"model","version"}}): this instance reloads that model at
 * once instead of at its next periodic refresh. Answered with 204 and no event; a version that does not
 * load is a 422 problem, and the model keeps serving the version it had.
 */
public class ModelPromotedEvents {

    private final Reloader reloader;

    public ModelPromotedEvents(Reloader reloader) {
        this.reloader = reloader;
    }

    @Funq
    public void modelPromotedEvent(CloudEvent<ModelRef> event) {
        ModelRef promoted = event.data();
        String model = Names.requireModel(promoted == null ? null : promoted.getModel());
        // A reload makes readiness wait for the model it names, so an event naming a model this instance
        // does not serve must not get that far.
        if (!reloader.modelsToServe().contains(model)) {
            throw new NotFoundException("unknown-model", "Model '" + model + "' is not one this instance serves.")
                    .with("model", model);
        }
        reloader.reloadNamed(model);
    }
}
