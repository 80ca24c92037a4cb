package dev.modelfn.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

import dev.modelfn.model.Categories;
import dev.modelfn.problem.InvalidInputException;

/**
 * Feature columns of a table with categorical columns, one-hot encoded: a numeric column is one feature, a
 * categorical one an indicator feature per category seen in the training rows ({@code plan=pro}), 1 in a
 * row of that category. A row whose categorical cell is empty, or holds a category the training rows never
 * had (one only in held-out rows), holds the column's first indicator at 0, which is what predict does too:
 * the score does not change, and no example is ever empty. Names are sorted once; each row sorts only
 * the few indices it holds.
 */
final class IndicatorColumns implements ExampleColumns {

    private final int width;
    private final boolean[] categorical;
    /** Sorted names of every feature the examples may hold. */
    private final String[] names;
    /** By column: a numeric column's index in {@link #names}, or -1 when it is dropped. */
    private final int[] numericRank;
    /** By column and code: the indicator's index in {@link #names}, or -1 for a category not in the training rows. */
    private final int[][] indicatorRank;
    private final int[] placeholder;
    private final Map<String, List<String>> seen;
    private final List<String> scaled;

    /**
     * @param trainRows the rows whose categories the model knows
     * @param dropped   numeric columns left out (constant ones)
     */
    IndicatorColumns(TabularData data, int[] trainRows, Set<String> dropped) {
        List<String> features = data.features();
        width = features.size();
        categorical = new boolean[width];
        boolean[][] inTraining = new boolean[width][];
        for (int c = 0; c < width; c++) {
            categorical[c] = data.isCategorical(c);
            if (categorical[c]) {
                inTraining[c] = new boolean[data.categories().get(c).size()];
            }
        }
        for (int r : trainRows) {
            double[] row = data.rows()[r];
            for (int c = 0; c < width; c++) {
                if (categorical[c] && row[c] == row[c]) {
                    inTraining[c][(int) row[c]] = true;
                }
            }
        }
        Map<String, List<String>> known = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (int c = 0; c < width; c++) {
            String feature = features.get(c);
            if (!categorical[c]) {
                claim(owner, feature, feature);
                continue;
            }
            List<String> all = data.categories().get(c);
            List<String> kept = new java.util.ArrayList<>();
            for (int code = 0; code < all.size(); code++) {
                if (inTraining[c][code]) {
                    kept.add(all.get(code));
                    claim(owner, Categories.indicator(feature, all.get(code)), feature);
                }
            }
            if (kept.isEmpty()) {
                throw new InvalidInputException("empty-categorical-column", "Categorical column '" + feature
                        + "' is empty in every training row; leave it out with \"columns\": {\"" + feature
                        + "\": \"ignore\"}.").with("column", feature);
            }
            known.put(feature, List.copyOf(kept));
        }
        seen = known;
        String[] all = owner.keySet().stream().filter(name -> !dropped.contains(name)).sorted().toArray(String[]::new);
        names = all;
        Map<String, Integer> rank = new HashMap<>(names.length * 2);
        for (int k = 0; k < names.length; k++) {
            rank.put(names[k], k);
        }
        numericRank = new int[width];
        indicatorRank = new int[width][];
        placeholder = new int[width];
        List<String> numeric = new java.util.ArrayList<>();
        for (int c = 0; c < width; c++) {
            String feature = features.get(c);
            if (!categorical[c]) {
                numericRank[c] = dropped.contains(feature) ? -1 : rank.get(feature);
                if (!dropped.contains(feature)) {
                    numeric.add(feature);
                }
                continue;
            }
            List<String> all2 = data.categories().get(c);
            indicatorRank[c] = new int[all2.size()];
            for (int code = 0; code < all2.size(); code++) {
                indicatorRank[c][code] = inTraining[c][code] ? rank.get(Categories.indicator(feature, all2.get(code))) : -1;
            }
            placeholder[c] = rank.get(Categories.indicator(feature, known.get(feature).get(0)));
        }
        scaled = List.copyOf(numeric);
    }

    /** Refuses a feature name that two columns would give the model (say a column {@code plan=pro} beside {@code plan}). */
    private static void claim(Map<String, String> owner, String name, String column) {
        String before = owner.putIfAbsent(name, column);
        if (before != null) {
            throw new InvalidInputException("feature-name-clash", "Column '" + column + "' and column '" + before
                    + "' would both give the model a feature named '" + name + "' (a categorical column's categories"
                    + " become features named column=category). Rename one of them, or leave one out with"
                    + " \"columns\": {\"" + column + "\": \"ignore\"}.").with("feature", name);
        }
    }

    @Override
    public <T extends Output<T>> ArrayExample<T> example(T output, double[] row) {
        long[] keys = new long[width];
        double[] held = new double[width];
        int k = 0;
        for (int c = 0; c < width; c++) {
            int at;
            double value;
            if (categorical[c]) {
                double code = row[c];
                at = code == code ? indicatorRank[c][(int) code] : -1;
                value = 1.0;
                if (at < 0) {
                    at = placeholder[c];
                    value = 0.0;
                }
            } else {
                at = numericRank[c];
                value = row[c];
                if (at < 0) {
                    continue;
                }
            }
            keys[k] = ((long) at << 32) | k;
            held[k] = value;
            k++;
        }
        Arrays.sort(keys, 0, k);
        String[] exampleNames = new String[k];
        double[] values = new double[k];
        for (int j = 0; j < k; j++) {
            exampleNames[j] = names[(int) (keys[j] >>> 32)];
            values[j] = held[(int) keys[j]];
        }
        return new PresortedExample<>(output, exampleNames, values);
    }

    /** Each categorical column with the categories the training rows had, sorted, in column order. */
    Map<String, List<String>> categories() {
        return seen;
    }

    /** The numeric features the model keeps: the ones standardisation applies to. */
    List<String> numericFeatures() {
        return scaled;
    }
}
