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

    /** Fills every missing numeric cell of {@code data} in place; the means used, by column, for columns that had any. */
    public static Map<String, Double> fill(TabularData data, int[] trainRows) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (int c = 0; c < data.missing().length; c++) {
            if (data.missing()[c] == 0 || data.isCategorical(c)) {
                // an empty categorical cell stays empty: it contributes nothing, as at predict
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int r : trainRows) {
                double value = data.rows()[r][c];
                if (!Double.isNaN(value)) {
                    sum += value;
                    count++;
                }
            }
            // a column empty in every training row holds no information: zero, and it is then constant
            double mean = count == 0 ? 0.0 : sum / count;
            for (double[] row : data.rows()) {
                if (Double.isNaN(row[c])) {
                    row[c] = mean;
                }
            }
            means.put(data.features().get(c), mean);
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
