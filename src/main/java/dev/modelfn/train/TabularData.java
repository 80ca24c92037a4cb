package dev.modelfn.train;

import java.util.List;

/**
 * A table ready for training: feature columns as primitive rows, plus the target column as text (class
 * labels) and, for regression, as numbers. A missing cell is NaN; in a numeric column until
 * {@link Imputation} fills it, in a categorical one for good (it contributes nothing). A categorical column's
 * cells hold the index of their value in that column's sorted {@code categories}.
 *
 * @param numericTargets    the target parsed as numbers, or null when a value is not numeric
 * @param missing           per feature column, how many cells were empty
 * @param rowsWithoutTarget rows left out because their target was empty
 * @param categories        per feature column, its sorted distinct values when it is categorical, else null;
 *                          null as a whole when every column is numeric
 */
public record TabularData(List<String> features, String target, double[][] rows, String[] targets,
        double[] numericTargets, int[] missing, int rowsWithoutTarget, List<List<String>> categories) {

    /** A numeric table. */
    public TabularData(List<String> features, String target, double[][] rows, String[] targets,
            double[] numericTargets, int[] missing, int rowsWithoutTarget) {
        this(features, target, rows, targets, numericTargets, missing, rowsWithoutTarget, null);
    }

    /** A numeric table without missing cells. */
    public TabularData(List<String> features, String target, double[][] rows, String[] targets, double[] numericTargets) {
        this(features, target, rows, targets, numericTargets, new int[features.size()], 0);
    }

    public int size() {
        return rows.length;
    }

    public boolean anyCategorical() {
        return categories != null;
    }

    public boolean isCategorical(int column) {
        return categories != null && categories.get(column) != null;
    }
}
