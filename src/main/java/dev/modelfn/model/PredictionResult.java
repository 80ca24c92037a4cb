package dev.modelfn.model;

import java.util.Map;

/** What a model says about one row: a {@link ClassPrediction} or a {@link RegressionPrediction}. */
public sealed interface PredictionResult permits ClassPrediction, RegressionPrediction {

    /** Each output's explanation, in the model's output order, or null when none was asked for. */
    Map<String, Explanation> explanations();

    /** This prediction with {@code explanations}. */
    PredictionResult explained(Map<String, Explanation> explanations);
}
