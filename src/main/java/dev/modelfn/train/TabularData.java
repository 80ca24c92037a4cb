package dev.modelfn.train;

import java.util.List;

/**
 * A numeric table ready for training: feature columns as primitive rows, plus the target column as
 * text (class labels) and, for regression, as numbers. A missing cell is NaN until {@link Imputation}
 * fills it.
 *
 * @param numericTargets    the target parsed as numbers, or null when a value is not numeric
 * @param missing           per feature column, how many cells were empty
 * @param rowsWithoutTarget rows left out because their target was empty
 */
public record TabularData(List<String> features, String target, double[][] rows, String[] targets,
        double[] numericTargets, int[] missing, int rowsWithoutTarget) {

    /** A table without missing cells. */
    public TabularData(List<String> features, String target, double[][] rows, String[] targets, double[] numericTargets) {
        this(features, target, rows, targets, numericTargets, new int[features.size()], 0);
    }

    public int size() {
        return rows.length;
    }
}
