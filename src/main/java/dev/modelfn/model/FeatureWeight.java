package dev.modelfn.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A feature and its weight in a linear model. */
@RegisterForReflection
public record FeatureWeight(String feature, double weight) {
}
