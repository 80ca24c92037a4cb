package dev.modelfn.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a model predicts: a class label or real values. */
public enum Task {
    @JsonProperty("classification")
    CLASSIFICATION,
    @JsonProperty("regression")
    REGRESSION;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
