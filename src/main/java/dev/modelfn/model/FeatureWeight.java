package dev.modelfn.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A feature and its weight in a linear model.
 *
 * @param category for a categorical feature, the category whose indicator has this weight; absent for a numeric one
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureWeight(String feature, String category, double weight) {

    public FeatureWeight(String feature, double weight) {
        this(feature, null, weight);
    }
}
