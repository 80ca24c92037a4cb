package dev.modelfn.model;

/**
 * How strictly rows must match a model's features.
 *
 * @param ignoreUnknown drop features the model does not know instead of refusing the row
 * @param allowMissing  predict rows that lack some features instead of refusing them
 */
public record FeaturePolicy(boolean ignoreUnknown, boolean allowMissing) {

    public static final FeaturePolicy STRICT = new FeaturePolicy(false, false);
}
