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
 * into a Tribuo example is one hash lookup per value.
 */
final class FeatureSchema {

    private final List<String> features;
    private final String[] sortedNames;
    private final Map<String, Integer> positions;

    FeatureSchema(List<String> features) {
        this.features = List.copyOf(features);
        this.sortedNames = features.toArray(String[]::new);
        Arrays.sort(sortedNames);
        this.positions = new HashMap<>(sortedNames.length * 2);
        for (int i = 0; i < sortedNames.length; i++) {
            positions.put(sortedNames[i], i);
        }
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
            values[position] = row.value(i);
            known++;
        }
        if (unknown != null) {
            throw new InvalidInputException("unknown-features",
                    "Row " + rowIndex + " has features the model does not know: " + unknown
                            + ". The model's features are " + features + ".")
                    .with("row", rowIndex).with("features", unknown);
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
        return partial(present, values, known, unknownOutput);
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
