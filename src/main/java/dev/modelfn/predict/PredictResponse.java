package dev.modelfn.predict;

import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import dev.modelfn.model.PredictionResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to a predict call: which model version answered, and one prediction per row, in order. */
@RegisterForReflection
@JsonSerialize(using = PredictResponseWriter.class)
public record PredictResponse(String model, String version, List<PredictionResult> predictions) {
}
