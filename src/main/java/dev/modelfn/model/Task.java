package dev.modelfn.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a model predicts: a class label or real values. */
// Jackson reads the @JsonProperty names of the constants by reflection when it reads metadata.json.
@RegisterForReflection
public enum Task {
    @JsonProperty("classification")
    CLASSIFICATION,
    @JsonProperty("regression")
    REGRESSION;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
