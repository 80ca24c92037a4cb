package dev.modelfn.model;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param value  the first (usually the only) output dimension
 * @param values every output dimension by name
 */
@RegisterForReflection
public record RegressionPrediction(double value, Map<String, Double> values) implements PredictionResult {
}
