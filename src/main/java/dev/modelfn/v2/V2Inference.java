package dev.modelfn.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.metrics.Protocol;
import dev.modelfn.model.Explain;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.ServableModel;
import dev.modelfn.predict.PredictResponse;
import dev.modelfn.predict.PredictionService;
import dev.modelfn.problem.ProblemException;
import dev.modelfn.registry.ModelRegistry;
import dev.modelfn.store.ModelStore;
import dev.modelfn.store.Names;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Open Inference Protocol v2 over any wire (REST, gRPC): server and model metadata, readiness, and
 * inference, which turns tensors into rows and asks {@link PredictionService}, the one prediction path.
 */
@ApplicationScoped
public class V2Inference {

    /** The platform the model metadata names. */
    public static final String PLATFORM = "tribuo";
    public static final String SERVER_NAME = "modelfn";

    private final PredictionService predictions;
    private final ModelRegistry registry;
    private final ModelStore store;

    public V2Inference(PredictionService predictions, ModelRegistry registry, ModelStore store) {
        this.predictions = predictions;
        this.registry = registry;
        this.store = store;
    }

    /** What answered, and the output tensors asked for. */
    public record Answer(String model, String version, List<OutputTensor> outputs) {
    }

    /** A model as its metadata describes it to v2 clients. */
    @RegisterForReflection
    public record Description(String name, List<String> versions, String platform, List<TensorSpec> inputs,
            List<TensorSpec> outputs) {
    }

    /**
     * Infers with {@code model} (at {@code version}, or whatever is served when null). {@code inputs} decodes
     * the request's tensors; it is called once the model is known, so that every refusal is counted and
     * logged as predict's are. With {@code explain}, the answer ends with the {@code explanations} tensor.
     */
    public Answer infer(String model, String version, Supplier<List<InputTensor>> inputs, List<String> requested,
            Explain explain, Protocol protocol) {
        ModelMetadata[] used = new ModelMetadata[1];
        List<List<TensorSpec>> chosen = new ArrayList<>(1);
        PredictResponse response = predictions.predict(model, version, served -> {
            used[0] = served.metadata();
            chosen.add(ModelTensors.select(served.metadata(), requested));
            ModelMetadata metadata = served.metadata();
            return TensorRows.rows(inputs.get(), metadata.features(),
                    metadata.categories() == null ? java.util.Set.of() : metadata.categories().keySet());
        }, explain, protocol);
        return new Answer(response.model(), response.version(),
                ModelTensors.answer(used[0], chosen.get(0), response.predictions()));
    }

    public Description describe(String model, String version) {
        ServableModel served = served(model, version);
        List<String> versions;
        try {
            versions = store.versions(served.name());
        } catch (ProblemException e) {
            versions = List.of();
        }
        if (!versions.contains(served.version())) {
            versions = new ArrayList<>(versions);
            versions.add(served.version());
        }
        return new Description(served.name(), versions, PLATFORM, ModelTensors.inputs(served.metadata()),
                ModelTensors.outputs(served.metadata()));
    }

    /**
     * Whether {@code model} serves (at {@code version}); false for a model that failed to load, 404 for one
     * this instance does not know or a version it does not serve.
     */
    public boolean ready(String model, String version) {
        String name = Names.requireModel(model);
        if (registry.find(name) == null && registry.failure(name) != null) {
            return false;
        }
        served(name, version);
        return true;
    }

    public boolean serverReady() {
        return registry.ready();
    }

    private ServableModel served(String model, String version) {
        return registry.require(Names.requireModel(model), version == null ? null : Names.requireVersion(version));
    }
}
