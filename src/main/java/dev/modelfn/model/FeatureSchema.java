package dev.modelfn.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tribuo.Example;
import org.tribuo.Output;

import dev.modelfn.problem.InvalidInputException;

/**
 * A model version's features, resolved once when the version loads, so that turning a request row
 * into a Tribuo example is one hash lookup per value. A feature that had missing values in training has
 * a fill (its training mean) that stands for a null or absent value; NaN in a row means the caller sent null.
 * A categorical feature takes a string and becomes its category's indicator ({@link Categories}); null, absent
 * or a category training never saw contributes nothing. A model without categorical features never reaches
 * that code: its rows become examples over one shared, sorted names array as before.
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

    /** Null when every feature is numeric; else the categorical part of the schema. */
    private final Categorical categorical;

    FeatureSchema(List<String> features, Map<String, Double> missingValues, Set<String> usedByModel,
            Map<String, List<String>> categories) {
        this.features = List.copyOf(features);
        this.sortedNames = features.toArray(String[]::new);
        Arrays.sort(sortedNames);
        this.positions = new HashMap<>(sortedNames.length * 2);
        this.fills = new double[sortedNames.length];
        this.used = new boolean[sortedNames.length];
        boolean anyCategorical = categories != null && !categories.isEmpty();
        for (int i = 0; i < sortedNames.length; i++) {
            positions.put(sortedNames[i], i);
            used[i] = usedByModel.contains(sortedNames[i]);
            Double fill = missingValues == null ? null : missingValues.get(sortedNames[i]);
            fills[i] = fill == null ? Double.NaN : fill;
        }
        this.categorical = anyCategorical ? new Categorical(sortedNames, categories, usedByModel, used, fills) : null;
        this.anyFill = missingValues != null && !missingValues.isEmpty() || anyCategorical;
    }

    List<String> features() {
        return features;
    }

    /** A count per feature of the rows that gave it an unseen category, or null for a model without categorical features. */
    int[] unseenCounter() {
        return categorical == null ? null : new int[sortedNames.length];
    }

    void report(int[] unseen, UnseenCategories sink) {
        if (unseen == null) {
            return;
        }
        for (int i = 0; i < unseen.length; i++) {
            if (unseen[i] > 0) {
                sink.count(sortedNames[i], unseen[i]);
            }
        }
    }

    <T extends Output<T>> List<Example<T>> examples(List<FeatureRow> rows, T unknownOutput, FeaturePolicy policy, int[] unseen) {
        List<Example<T>> examples = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            examples.add(example(rows.get(r), r, unknownOutput, policy, unseen));
        }
        return examples;
    }

    <T extends Output<T>> Example<T> example(FeatureRow row, int rowIndex, T unknownOutput, FeaturePolicy policy) {
        return example(row, rowIndex, unknownOutput, policy, unseenCounter());
    }

    <T extends Output<T>> Example<T> example(FeatureRow row, int rowIndex, T unknownOutput, FeaturePolicy policy,
            int[] unseen) {
        int n = sortedNames.length;
        double[] values = new double[n];
        boolean[] present = new boolean[n];
        String[] categories = null;
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
                String text = row.text(i);
                if (categorical != null && categorical.is(position)) {
                    if (text != null) {
                        categories = categories == null ? new String[n] : categories;
                        categories[position] = text;
                    }
                    value = 0;
                } else if (text != null) {
                    throw stringForNumeric(rowIndex, position);
                } else {
                    value = fill(position, rowIndex);
                }
            } else if (categorical != null && categorical.is(position)) {
                throw numberForCategorical(rowIndex, position);
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
            return categorical == null ? new SortedExample<>(unknownOutput, sortedNames, values)
                    : categorical.example(unknownOutput, present, values, categories, known, unseen);
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
        return categorical == null ? partial(present, values, known, unknownOutput)
                : categorical.example(unknownOutput, present, values, categories, known, unseen);
    }

    /** What {@link #example} refuses about a value's kind, checked for every row before the model runs. */
    void checkKinds(List<FeatureRow> rows) {
        for (int r = 0; r < rows.size(); r++) {
            FeatureRow row = rows.get(r);
            if (categorical == null && !row.hasTexts()) {
                continue;
            }
            for (int i = 0; i < row.size(); i++) {
                Integer position = positions.get(row.name(i));
                if (position == null) {
                    continue;
                }
                boolean isCategorical = categorical != null && categorical.is(position);
                double value = row.value(i);
                if (!isCategorical && row.text(i) != null) {
                    throw stringForNumeric(r, position);
                }
                if (isCategorical && value == value) {
                    throw numberForCategorical(r, position);
                }
            }
        }
    }

    private InvalidInputException stringForNumeric(int rowIndex, int position) {
        return (InvalidInputException) new InvalidInputException("invalid-feature-value", "Row " + rowIndex
                + ", feature '" + sortedNames[position] + "': the value is a string, not a number.")
                .with("row", rowIndex).with("feature", sortedNames[position]);
    }

    private InvalidInputException numberForCategorical(int rowIndex, int position) {
        return (InvalidInputException) new InvalidInputException("invalid-feature-value", "Row " + rowIndex
                + ", feature '" + sortedNames[position] + "': the value is a number, but the feature is categorical"
                + " and takes a string, one of its categories such as \"" + categorical.first(position) + "\".")
                .with("row", rowIndex).with("feature", sortedNames[position]);
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

    /**
     * The categorical features of a schema. An example holds the present numeric features and, per categorical
     * feature, the indicator of its category at 1; a feature that is null, absent or of an unseen category holds
     * one of its indicators at 0 instead, which changes no score (indicators are never standardised) and keeps an
     * example of nothing but such features from being empty, which Tribuo refuses.
     */
    private static final class Categorical {
        private final boolean[] categorical;
        /** Every name the Tribuo examples may hold, sorted: numeric features and indicators. */
        private final String[] expanded;
        /** By position: a numeric feature's index in {@link #expanded}. */
        private final int[] numericRank;
        /** By position: a categorical feature's category to its indicator's index in {@link #expanded}. */
        private final List<Map<String, Integer>> indicatorRank;
        /** By position: the index in {@link #expanded} of the indicator held at 0 when no category applies. */
        private final int[] placeholder;
        private final String[] firstCategory;

        Categorical(String[] sortedNames, Map<String, List<String>> categories, Set<String> usedByModel,
                boolean[] used, double[] fills) {
            int n = sortedNames.length;
            categorical = new boolean[n];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String feature = sortedNames[i];
                List<String> of = categories.get(feature);
                categorical[i] = of != null;
                if (of == null) {
                    names.add(feature);
                } else {
                    of.forEach(category -> names.add(Categories.indicator(feature, category)));
                }
            }
            expanded = names.toArray(String[]::new);
            Arrays.sort(expanded);
            Map<String, Integer> rank = new HashMap<>(expanded.length * 2);
            for (int k = 0; k < expanded.length; k++) {
                rank.put(expanded[k], k);
            }
            numericRank = new int[n];
            placeholder = new int[n];
            firstCategory = new String[n];
            indicatorRank = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Map<String, Integer> byCategory = null;
                if (categorical[i]) {
                    byCategory = new HashMap<>();
                    List<String> of = categories.get(sortedNames[i]);
                    firstCategory[i] = of.get(0);
                    placeholder[i] = -1;
                    for (String category : of) {
                        String indicator = Categories.indicator(sortedNames[i], category);
                        byCategory.put(category, rank.get(indicator));
                        if (usedByModel.contains(indicator)) {
                            used[i] = true;
                            placeholder[i] = placeholder[i] < 0 ? rank.get(indicator) : placeholder[i];
                        }
                    }
                    placeholder[i] = placeholder[i] < 0 ? rank.get(Categories.indicator(sortedNames[i], of.get(0)))
                            : placeholder[i];
                    // absent or null contributes nothing: the feature never needs a value
                    fills[i] = 0.0;
                } else {
                    numericRank[i] = rank.get(sortedNames[i]);
                }
                indicatorRank.add(byCategory);
            }
        }

        boolean is(int position) {
            return categorical[position];
        }

        String first(int position) {
            return firstCategory[position];
        }

        <T extends Output<T>> Example<T> example(T output, boolean[] present, double[] values, String[] categories,
                int known, int[] unseen) {
            long[] keys = new long[known];
            double[] held = new double[known];
            int k = 0;
            for (int i = 0; i < present.length; i++) {
                if (!present[i]) {
                    continue;
                }
                int at;
                double value;
                if (categorical[i]) {
                    String category = categories == null ? null : categories[i];
                    if (category != null) {
                        // as in training, white space around a category is dropped and a blank one is missing
                        category = category.strip();
                        category = category.isEmpty() ? null : category;
                    }
                    Integer indicator = category == null ? null : indicatorRank.get(i).get(category);
                    if (indicator != null) {
                        at = indicator;
                        value = 1.0;
                    } else {
                        if (category != null && unseen != null) {
                            unseen[i]++;
                        }
                        at = placeholder[i];
                        value = 0.0;
                    }
                } else {
                    at = numericRank[i];
                    value = values[i];
                }
                keys[k] = ((long) at << 32) | k;
                held[k] = value;
                k++;
            }
            Arrays.sort(keys);
            String[] names = new String[known];
            double[] kept = new double[known];
            for (int j = 0; j < known; j++) {
                names[j] = expanded[(int) (keys[j] >>> 32)];
                kept[j] = held[(int) keys[j]];
            }
            return new SortedExample<>(output, names, kept);
        }
    }
}
