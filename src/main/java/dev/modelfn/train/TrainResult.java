package dev.modelfn.train;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of the train function.
 *
 * @param location where the version's files lie in the store
 * @param promoted whether the new version now serves
 */
@RegisterForReflection
public record TrainResult(String model, String version, String task, int trainRows, int testRows,
        List<String> features, Map<String, Object> metrics, long trainingMillis, String location, boolean promoted) {
}
