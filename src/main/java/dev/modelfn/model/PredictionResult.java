package dev.modelfn.model;

/** What a model says about one row: a {@link ClassPrediction} or a {@link RegressionPrediction}. */
public sealed interface PredictionResult permits ClassPrediction, RegressionPrediction {
}
