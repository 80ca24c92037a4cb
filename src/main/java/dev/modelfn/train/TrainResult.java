package dev.modelfn.train;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of the train function.
 *
 * @param constantFeatures features that had one value in every training row and were left out of the
 *                         standardised model (absent when none)
 * @param categories       each categorical feature with its categories as the training rows had them, sorted
 *                         (absent when every feature is numeric)
 * @param location where the version's files lie in the store
 * @param promoted whether the new version now serves
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainResult(String model, String version, String task, int trainRows, int testRows,
        List<String> features, List<String> constantFeatures, Map<String, List<String>> categories,
        Map<String, Object> metrics, long trainingMillis, String location, boolean promoted) {
}
