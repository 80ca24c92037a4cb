package dev.modelfn.predict;

import java.util.List;

import dev.modelfn.model.PredictionResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to a predict call: which model version answered, and one prediction per row, in order. */
@RegisterForReflection
public record PredictResponse(String model, String version, List<PredictionResult> predictions) {
}
