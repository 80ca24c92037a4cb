package dev.modelfn.train;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.Tribuo;

import dev.modelfn.model.Checksums;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.Task;
import dev.modelfn.store.ModelStore;

/** Writes a trained model as a new version: protobuf bytes, then metadata. It does not promote. */
public final class ModelPublisher {

    private final ModelStore store;

    public ModelPublisher(ModelStore store) {
        this.store = store;
    }

    /** What was written. */
    public record Published(ModelMetadata metadata, byte[] bytes) {
    }

    /** @param constantFeatures features left out of the model because they never varied in training */
    public Published publish(String name, Model<?> model, TrainingSpec spec, List<String> features,
            List<String> constantFeatures, List<String> outputs, Map<String, Object> metrics) {
        byte[] bytes = model.serialize().toByteArray();
        Instant now = Instant.now();
        ModelMetadata metadata = new ModelMetadata(name, VersionIds.next(now), spec.task(), List.copyOf(features),
                List.copyOf(outputs), scoresOf(spec.task(), model), metrics, now.toString(), Checksums.sha256(bytes),
                Tribuo.VERSION, spec.describe(), spec.standardize(),
                constantFeatures.isEmpty() ? null : List.copyOf(constantFeatures));
        try {
            store.writeVersion(metadata, bytes);
        } catch (RuntimeException e) {
            store.deleteVersionQuietly(name, metadata.version());
            throw e;
        }
        return new Published(metadata, bytes);
    }

    private static String scoresOf(Task task, Model<?> model) {
        if (task != Task.CLASSIFICATION) {
            return null;
        }
        return model.generatesProbabilities() ? "probabilities" : "raw";
    }
}
