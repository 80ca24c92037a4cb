package dev.modelfn.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills missing cells with the column's mean over the training rows, the value the model then takes for
 * that feature when a caller leaves it out. For a standardised model that mean is what an absent feature
 * means anyway (it standardises to zero), so the imputed model and the served one agree.
 */
public final class Imputation {

    private Imputation() {
    }

    /**
     * Fills every missing numeric cell of {@code data} in place; the means used, by column, for columns that had
     * any. One pass over the training rows sums every such column at once (each column's sum in training-row
     * order, as a pass per column would), and one pass over all rows fills them.
     */
    public static Map<String, Double> fill(TabularData data, int[] trainRows) {
        int[] columns = java.util.stream.IntStream.range(0, data.missing().length)
                // an empty categorical cell stays empty: it contributes nothing, as at predict
                .filter(c -> data.missing()[c] > 0 && !data.isCategorical(c)).toArray();
        Map<String, Double> means = new LinkedHashMap<>();
        if (columns.length == 0) {
            return means;
        }
        double[] sums = new double[columns.length];
        int[] counts = new int[columns.length];
        for (int r : trainRows) {
            double[] row = data.rows()[r];
            for (int k = 0; k < columns.length; k++) {
                double value = row[columns[k]];
                if (!Double.isNaN(value)) {
                    sums[k] += value;
                    counts[k]++;
                }
            }
        }
        double[] fills = new double[columns.length];
        for (int k = 0; k < columns.length; k++) {
            // a column empty in every training row holds no information: zero, and it is then constant
            fills[k] = counts[k] == 0 ? 0.0 : sums[k] / counts[k];
            means.put(data.features().get(columns[k]), fills[k]);
        }
        for (double[] row : data.rows()) {
            for (int k = 0; k < columns.length; k++) {
                if (Double.isNaN(row[columns[k]])) {
                    row[columns[k]] = fills[k];
                }
            }
        }
        return means;
    }

    /** The count of missing cells by column, for the columns that had any. */
    static Map<String, Integer> counts(TabularData data) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 0; c < data.missing().length; c++) {
            if (data.missing()[c] > 0) {
                counts.put(data.features().get(c), data.missing()[c]);
            }
        }
        return counts;
    }
}
