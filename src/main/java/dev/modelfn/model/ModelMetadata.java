package dev.modelfn.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The content of {@code metadata.json} beside each {@code model.tribuo}.
 *
 * @param features   feature names in the order of the training columns
 * @param outputs    class labels, or regression dimension names
 * @param scores     {@code probabilities} or {@code raw} for classifiers; absent for regression
 * @param metrics    evaluation figures; {@code evaluatedOn} says whether on held-out or training rows
 * @param sha256     hex SHA-256 of model.tribuo, checked before the model is parsed
 * @param constantFeatures features that had one value in every training row: a standardised model leaves them
 *                   out (callers may still send them; they change nothing); absent when none
 * @param missingValues features that had empty cells in training, each with the value that stands for a
 *                   missing one (the training mean); at predict such a feature may be null or left out
 * @param categories categorical features, each with its categories as seen in the training rows, sorted; the
 *                   model holds one indicator per category, named as {@link Categories#indicator} names it;
 *                   absent when every feature is numeric (and in metadata written before categories existed)
 * @param onnxSha256 hex SHA-256 of the {@code model.onnx} written beside model.tribuo (the version as
 *                   {@link OnnxExport} exports it); absent for versions saved before train wrote one
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelMetadata(
        String name,
        String version,
        Task task,
        List<String> features,
        List<String> outputs,
        String scores,
        Map<String, Object> metrics,
        String createdAt,
        String sha256,
        String tribuoVersion,
        String trainer,
        boolean standardized,
        List<String> constantFeatures,
        Map<String, Double> missingValues,
        Map<String, List<String>> categories,
        String onnxSha256) {

    /** Metadata without an ONNX file. */
    public ModelMetadata(String name, String version, Task task, List<String> features, List<String> outputs,
            String scores, Map<String, Object> metrics, String createdAt, String sha256, String tribuoVersion,
            String trainer, boolean standardized, List<String> constantFeatures, Map<String, Double> missingValues,
            Map<String, List<String>> categories) {
        this(name, version, task, features, outputs, scores, metrics, createdAt, sha256, tribuoVersion, trainer,
                standardized, constantFeatures, missingValues, categories, null);
    }

    /** This metadata with the SHA-256 of its model.onnx. */
    public ModelMetadata withOnnx(String onnxSha256) {
        return new ModelMetadata(name, version, task, features, outputs, scores, metrics, createdAt, sha256,
                tribuoVersion, trainer, standardized, constantFeatures, missingValues, categories, onnxSha256);
    }

    /** Metadata of a model whose features are all numeric. */
    public ModelMetadata(String name, String version, Task task, List<String> features, List<String> outputs,
            String scores, Map<String, Object> metrics, String createdAt, String sha256, String tribuoVersion,
            String trainer, boolean standardized, List<String> constantFeatures, Map<String, Double> missingValues) {
        this(name, version, task, features, outputs, scores, metrics, createdAt, sha256, tribuoVersion, trainer,
                standardized, constantFeatures, missingValues, null);
    }

    /** Whether {@code feature} is categorical: it takes a string at predict. */
    public boolean isCategorical(String feature) {
        return categories != null && categories.containsKey(feature);
    }

    /** Metadata of a model with no constant features. */
    public ModelMetadata(String name, String version, Task task, List<String> features, List<String> outputs,
            String scores, Map<String, Object> metrics, String createdAt, String sha256, String tribuoVersion,
            String trainer, boolean standardized) {
        this(name, version, task, features, outputs, scores, metrics, createdAt, sha256, tribuoVersion, trainer,
                standardized, null, null, null);
    }
}
