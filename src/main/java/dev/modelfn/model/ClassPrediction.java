package dev.modelfn.model;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param label  the predicted class
 * @param scores every class with its score, in the model's label order (probabilities for logistic models)
 */
@RegisterForReflection
public record ClassPrediction(String label, Map<String, Double> scores) implements PredictionResult {
}
