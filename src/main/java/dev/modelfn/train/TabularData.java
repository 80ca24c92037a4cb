package dev.modelfn.train;

import java.util.List;

/**
 * A numeric table ready for training: feature columns as primitive rows, plus the target column as
 * text (class labels) and, for regression, as numbers.
 *
 * @param numericTargets the target parsed as numbers, or null when a value is not numeric
 */
public record TabularData(List<String> features, String target, double[][] rows, String[] targets,
        double[] numericTargets) {

    public int size() {
        return rows.length;
    }
}
