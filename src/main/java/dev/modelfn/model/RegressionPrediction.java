package dev.modelfn.model;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param value        the first (usually the only) output dimension
 * @param values       every output dimension by name
 * @param explanations each dimension's explanation, or null when none was asked for
 */
@RegisterForReflection
public record RegressionPrediction(double value, Map<String, Double> values, Map<String, Explanation> explanations)
        implements PredictionResult {

    public RegressionPrediction(double value, Map<String, Double> values) {
        this(value, values, null);
    }

    @Override
    public RegressionPrediction explained(Map<String, Explanation> explanations) {
        return new RegressionPrediction(value, values, explanations);
    }
}
