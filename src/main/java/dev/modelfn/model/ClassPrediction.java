package dev.modelfn.model;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param label        the predicted class
 * @param scores       every class with its score, in the model's label order (probabilities for logistic models)
 * @param explanations each class's explanation, or null when none was asked for
 */
@RegisterForReflection
public record ClassPrediction(String label, Map<String, Double> scores, Map<String, Explanation> explanations)
        implements PredictionResult {

    public ClassPrediction(String label, Map<String, Double> scores) {
        this(label, scores, null);
    }

    @Override
    public ClassPrediction explained(Map<String, Explanation> explanations) {
        return new ClassPrediction(label, scores, explanations);
    }
}
