package dev.modelfn.v2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.modelfn.model.FeatureRow;
import dev.modelfn.problem.InvalidInputException;

/**
 * Turns the input tensors of an inference request into the rows predict takes, in one of two layouts:
 * one tensor of shape [N, F] whose columns are the model's features in metadata order, or one tensor per
 * feature, named by it, of shape [N] or [N, 1]. Unknown and missing features are left to the model's own
 * checks, so {@code modelfn.predict.unknown-features} and {@code missing-features} apply as they do to predict.
 */
public final class TensorRows {

    private TensorRows() {
    }

    public static List<FeatureRow> rows(List<InputTensor> inputs, List<String> features) {
        return rows(inputs, features, Set.of());
    }

    /**
     * @param categorical the model's categorical features: their values are strings, which only a BYTES tensor of
     *                    their own carries, so a model with any takes one tensor per feature, not [N, F]
     */
    public static List<FeatureRow> rows(List<InputTensor> inputs, List<String> features, Set<String> categorical) {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidInputException("v2-no-inputs", "The request has no inputs; send " + (categorical.isEmpty()
                    ? "one [N, " + features.size() + "] tensor or " : "") + "one tensor per feature " + features + ".");
        }
        InputTensor first = inputs.get(0);
        if (inputs.size() == 1 && !features.contains(first.name())) {
            return fromMatrix(first, features, categorical);
        }
        return fromColumns(inputs);
    }

    private static List<FeatureRow> fromMatrix(InputTensor matrix, List<String> features, Set<String> categorical) {
        if (!categorical.isEmpty() || matrix.datatype() == Datatype.BYTES) {
            throw new InvalidInputException("v2-per-feature-inputs", "Input '" + matrix.name() + "' is one tensor for"
                    + " every feature, which carries numbers only; " + (categorical.isEmpty() ? ""
                            : "the model's categorical features " + categorical + " take strings, so ")
                    + "send one tensor per feature, named by it: BYTES [N] for a categorical feature, FP64 [N] for a"
                    + " numeric one.");
        }
        long[] shape = matrix.shape();
        if (shape.length != 2 || shape[1] != features.size()) {
            throw new InvalidInputException("v2-wrong-rank", "Input '" + matrix.name() + "' has shape "
                    + Arrays.toString(shape) + "; send [N, " + features.size() + "] with the columns " + features
                    + ", or one tensor per feature named by it.");
        }
        int n = (int) shape[0];
        int width = features.size();
        String[] names = features.toArray(String[]::new);
        double[] values = matrix.values();
        List<FeatureRow> rows = new ArrayList<>(n);
        for (int r = 0, at = 0; r < n; r++) {
            FeatureRow row = new FeatureRow(width);
            for (int c = 0; c < width; c++) {
                row.add(names[c], values[at++]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<FeatureRow> fromColumns(List<InputTensor> columns) {
        long n = -1;
        Set<String> seen = new HashSet<>();
        for (InputTensor column : columns) {
            long[] shape = column.shape();
            if (!(shape.length == 1 || shape.length == 2 && shape[1] == 1)) {
                throw new InvalidInputException("v2-wrong-rank", "Input '" + column.name() + "' has shape "
                        + Arrays.toString(shape) + "; a feature's tensor is [N] or [N, 1].");
            }
            if (n >= 0 && shape[0] != n) {
                throw new InvalidInputException("v2-shape-mismatch", "Input '" + column.name() + "' has " + shape[0]
                        + " rows and '" + columns.get(0).name() + "' " + n + "; every feature needs the same rows.");
            }
            n = shape[0];
            if (!seen.add(column.name())) {
                throw new InvalidInputException("v2-duplicate-input", "Input '" + column.name() + "' appears twice.");
            }
        }
        List<FeatureRow> rows = new ArrayList<>((int) n);
        for (int r = 0; r < n; r++) {
            FeatureRow row = new FeatureRow(columns.size());
            for (InputTensor column : columns) {
                if (column.texts() != null) {
                    row.add(column.name(), column.texts()[r]);
                } else {
                    row.add(column.name(), column.values()[r]);
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
