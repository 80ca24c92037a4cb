package dev.modelfn.lifecycle;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.modelfn.model.FeatureWeight;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.registry.ReloadOutcome;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answers of the lifecycle functions. */
public final class Payloads {

    private Payloads() {
    }

    /** The answer of {@code models}. */
    @RegisterForReflection
    public record ModelsResponse(List<ModelOverview> models) {
    }

    /**
     * One model: what this instance serves ({@code version} and its description, absent if none),
     * what the store's {@code current} names, and every version in the store, newest first.
     *
     * @param categories each categorical feature with its training categories (absent when all are numeric)
     * @param error why the model is not served at the store's current version, if it is not
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelOverview(String name, String version, String current, String task, List<String> features,
            Map<String, List<String>> categories, List<String> outputs, String scores, Map<String, Object> metrics, String createdAt, String trainer,
            String error, List<VersionSummary> versions) {
    }

    /** @param headline the main metric: accuracy for classifiers, r2 for regressors */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionSummary(String version, String createdAt, Map<String, Object> headline, boolean current,
            boolean loaded) {
    }

    /** The answer of {@code describe}: a version's metadata and its heaviest features per output. */
    @RegisterForReflection
    public record Description(ModelMetadata metadata, boolean current, boolean loaded,
            Map<String, List<FeatureWeight>> topFeatures, OnnxSignature onnx) {
    }

    /** What the version's ONNX model takes and gives: tensor names and their columns, in order. */
    @RegisterForReflection
    public record OnnxSignature(String input, List<String> features, String output, List<String> outputs) {
    }

    /** The answer of {@code promote} and {@code rollback}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String model, String version, String previous, String action) {
    }

    /** The answer of {@code reload}. */
    @RegisterForReflection
    public record Reloaded(List<ReloadOutcome> models) {
    }

    /** The answer of {@code delete}. */
    @RegisterForReflection
    public record Deleted(String model, String version) {
    }
}
