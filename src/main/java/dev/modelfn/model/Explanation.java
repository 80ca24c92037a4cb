package dev.modelfn.model;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why a linear model gave one output (a class, or a regression target) the score it did.
 *
 * @param score         the linear score before the link: the class's logit (or raw score), or the regression value
 * @param intercept     the output's bias
 * @param contributions per feature (a categorical feature's categories summed under the feature), its weight times the
 *                      value the model saw (standardised, for a standardised model), largest magnitude first;
 *                      {@code intercept} plus these is {@code score}
 */
@RegisterForReflection
public record Explanation(double score, double intercept, Map<String, Double> contributions) {
}
