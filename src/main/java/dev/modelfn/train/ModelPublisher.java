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

/** Writes a trained model as a new version (protobuf + metadata), and promotes it when asked. */
public final class ModelPublisher {

    private final ModelStore store;

    public ModelPublisher(ModelStore store) {
        this.store = store;
    }

    public ModelMetadata publish(String name, Model<?> model, TrainingSpec spec, List<String> features,
            List<String> outputs, Map<String, Object> metrics, boolean promote) {
        byte[] bytes = model.serialize().toByteArray();
        Instant now = Instant.now();
        ModelMetadata metadata = new ModelMetadata(name, VersionIds.next(now), spec.task(), List.copyOf(features),
                List.copyOf(outputs), scoresOf(spec.task(), model), metrics, now.toString(), Checksums.sha256(bytes),
                Tribuo.VERSION, spec.describe(), spec.standardize());
        store.writeVersion(metadata, bytes);
        if (promote) {
            store.setCurrent(name, metadata.version());
        }
        return metadata;
    }

    private static String scoresOf(Task task, Model<?> model) {
        if (task != Task.CLASSIFICATION) {
            return null;
        }
        return model.generatesProbabilities() ? "probabilities" : "raw";
    }
}
