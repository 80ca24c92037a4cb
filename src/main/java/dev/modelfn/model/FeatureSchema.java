package dev.modelfn.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Example;
import org.tribuo.Output;

import dev.modelfn.problem.InvalidInputException;

/**
 * A model version's features, resolved once when the version loads, so that turning a request row
 * into a Tribuo example is one hash lookup per value. A feature that had missing values in training has
 * a fill (its training mean) that stands for a null or absent value; NaN in a row means the caller sent null.
 */
final class FeatureSchema {

    private final List<String> features;
    private final String[] sortedNames;
    private final Map<String, Integer> positions;
    /** By sorted position, the value standing for a missing one, or NaN where a value is required. */
    private final double[] fills;
    private final boolean anyFill;

    /** By sorted position, whether the Tribuo model uses the feature (a constant one it left out does not). */
    private final boolean[] used;

    FeatureSchema(List<String> features, Map<String, Double> missingValues, java.util.Set<String> usedByModel) {
        this.features = List.copyOf(features);
        this.sortedNames = features.toArray(String[]::new);
        Arrays.sort(sortedNames);
        this.positions = new HashMap<>(sortedNames.length * 2);
        this.fills = new double[sortedNames.length];
        this.used = new boolean[sortedNames.length];
        for (int i = 0; i < sortedNames.length; i++) {
            positions.put(sortedNames[i], i);
            used[i] = usedByModel.contains(sortedNames[i]);
            Double fill = missingValues == null ? null : missingValues.get(sortedNames[i]);
            fills[i] = fill == null ? Double.NaN : fill;
        }
        this.anyFill = missingValues != null && !missingValues.isEmpty();
    }

    List<String> features() {
        return features;
    }

    <T extends Output<T>> List<Example<T>> examples(List<FeatureRow> rows, T unknownOutput, FeaturePolicy policy) {
        List<Example<T>> examples = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            examples.add(example(rows.get(r), r, unknownOutput, policy));
        }
        return examples;
    }

    <T extends Output<T>> Example<T> example(FeatureRow row, int rowIndex, T unknownOutput, FeaturePolicy policy) {
        int n = sortedNames.length;
        double[] values = new double[n];
        boolean[] present = new boolean[n];
        int known = 0;
        List<String> unknown = null;
        for (int i = 0; i < row.size(); i++) {
            Integer position = positions.get(row.name(i));
            if (position == null) {
                if (!policy.ignoreUnknown()) {
                    unknown = unknown == null ? new ArrayList<>() : unknown;
                    unknown.add(row.name(i));
                }
                continue;
            }
            if (present[position]) {
                throw new InvalidInputException("duplicate-feature",
                        "Row " + rowIndex + " gives feature '" + row.name(i) + "' twice.")
                        .with("row", rowIndex).with("feature", row.name(i));
            }
            present[position] = true;
            double value = row.value(i);
            if (value != value) {
                value = fill(position, rowIndex);
            }
            values[position] = value;
            known++;
        }
        if (unknown != null) {
            throw new InvalidInputException("unknown-features",
                    "Row " + rowIndex + " has features the model does not know: " + unknown
                            + ". The model's features are " + features + ".")
                    .with("row", rowIndex).with("features", unknown);
        }
        if (known < n && anyFill) {
            known += fillAbsent(present, values);
        }
        if (known == n) {
            return new SortedExample<>(unknownOutput, sortedNames, values);
        }
        if (!policy.allowMissing()) {
            List<String> missing = absent(present);
            throw new InvalidInputException("missing-features",
                    "Row " + rowIndex + " lacks features the model needs: " + missing + ".")
                    .with("row", rowIndex).with("features", missing);
        }
        if (known == 0) {
            throw new InvalidInputException("no-known-features",
                    "Row " + rowIndex + " has none of the model's features " + features + ".")
                    .with("row", rowIndex);
        }
        if (!anyUsed(present)) {
            throw new InvalidInputException("no-known-features", "Row " + rowIndex + " has only features that were"
                    + " constant in training, which the model leaves out; give at least one of the others.")
                    .with("row", rowIndex);
        }
        return partial(present, values, known, unknownOutput);
    }

    /** Whether a present feature is one the Tribuo model uses; it cannot predict a row without one. */
    private boolean anyUsed(boolean[] present) {
        for (int i = 0; i < present.length; i++) {
            if (present[i] && used[i]) {
                return true;
            }
        }
        return false;
    }

    /** The fill of a feature sent as null; a feature without one needs a number. */
    private double fill(int position, int rowIndex) {
        double fill = fills[position];
        if (fill != fill) {
            throw new InvalidInputException("invalid-feature-value", "Row " + rowIndex + ", feature '"
                    + sortedNames[position] + "': the value is null, not a number.")
                    .with("row", rowIndex).with("feature", sortedNames[position]);
        }
        return fill;
    }

    /** Gives absent features that have a fill their fill; how many it gave. */
    private int fillAbsent(boolean[] present, double[] values) {
        int filled = 0;
        for (int i = 0; i < present.length; i++) {
            if (!present[i] && fills[i] == fills[i]) {
                present[i] = true;
                values[i] = fills[i];
                filled++;
            }
        }
        return filled;
    }

    private <T extends Output<T>> Example<T> partial(boolean[] present, double[] values, int known, T unknownOutput) {
        String[] names = new String[known];
        double[] kept = new double[known];
        for (int i = 0, k = 0; i < present.length; i++) {
            if (present[i]) {
                names[k] = sortedNames[i];
                kept[k++] = values[i];
            }
        }
        return new SortedExample<>(unknownOutput, names, kept);
    }

    private List<String> absent(boolean[] present) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < present.length; i++) {
            if (!present[i]) {
                missing.add(sortedNames[i]);
            }
        }
        return missing;
    }
}
