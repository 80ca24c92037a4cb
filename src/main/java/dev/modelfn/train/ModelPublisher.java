package dev.modelfn.train;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.Tribuo;

import dev.modelfn.model.Checksums;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.OnnxExport;
import dev.modelfn.model.Task;
import dev.modelfn.problem.StoreUnavailableException;
import dev.modelfn.store.ModelStore;

/**
 * Writes a trained model as a new version: protobuf bytes, the ONNX model ({@link OnnxExport}), then metadata. It
 * does not promote.
 */
public final class ModelPublisher {

    private final ModelStore store;

    public ModelPublisher(ModelStore store) {
        this.store = store;
    }

    /** What was written. */
    public record Published(ModelMetadata metadata, byte[] bytes) {
    }

    /**
     * What training learnt about the columns besides the model.
     *
     * @param constant features left out of the model because they never varied in training
     * @param imputed  the value (training mean) that stands for a missing value, by feature
     * @param categories each categorical feature's categories as the training rows had them, sorted
     */
    public record Columns(List<String> constant, Map<String, Double> imputed, Map<String, List<String>> categories) {

        public static final Columns NONE = new Columns(List.of(), Map.of(), Map.of());

        public Columns(List<String> constant, Map<String, Double> imputed) {
            this(constant, imputed, Map.of());
        }
    }

    public Published publish(String name, Model<?> model, TrainingSpec spec, List<String> features,
            Columns columns, List<String> outputs, Map<String, Object> metrics) {
        byte[] bytes = model.serialize().toByteArray();
        Instant now = Instant.now();
        ModelMetadata described = new ModelMetadata(name, VersionIds.next(now), spec.task(), List.copyOf(features),
                List.copyOf(outputs), scoresOf(spec.task(), model), metrics, now.toString(), Checksums.sha256(bytes),
                Tribuo.VERSION, spec.describe(), spec.standardize(),
                columns.constant().isEmpty() ? null : List.copyOf(columns.constant()),
                columns.imputed().isEmpty() ? null : new LinkedHashMap<>(columns.imputed()),
                columns.categories().isEmpty() ? null : new LinkedHashMap<>(columns.categories()));
        byte[] onnx = OnnxExport.of(described, model).bytes();
        ModelMetadata metadata = described.withOnnx(Checksums.sha256(onnx));
        try {
            store.writeVersion(metadata, bytes, onnx);
        } catch (StoreUnavailableException e) {
            // A store that does not answer would hold the caller through every delete as well; what it
            // may hold of the version has no metadata.json, or is whole, and neither is ever served unasked.
            if (!e.timedOut()) {
                store.deleteVersionQuietly(name, metadata.version());
            }
            throw e;
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
