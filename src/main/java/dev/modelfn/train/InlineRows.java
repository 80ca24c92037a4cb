package dev.modelfn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.TooLargeException;

/** Turns rows sent inline as JSON objects into a {@link TabularData}. */
final class InlineRows {

    private InlineRows() {
    }

    static TabularData table(List<Map<String, Object>> rows, String target, List<String> features, int maxRows) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("empty-dataset", "'data.rows' is empty.");
        }
        if (rows.size() > maxRows) {
            throw new TooLargeException("too-many-rows", "The dataset has " + rows.size() + " rows; at most "
                    + maxRows + " are allowed (modelfn.train.max-rows).").with("maxRows", maxRows);
        }
        List<String> columns = features != null ? features : columnsOf(rows.get(0), target);
        double[][] values = new double[rows.size()][];
        String[] targets = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            if (row == null) {
                throw new InvalidInputException("wrong-type", "Row " + r + " is null.").with("row", r);
            }
            if (features == null && row.size() != columns.size() + 1) {
                throw new InvalidInputException("wrong-field-count", "Row " + r + " has " + row.size()
                        + " fields; row 0 has " + (columns.size() + 1) + ".").with("row", r);
            }
            targets[r] = label(row.get(target), r, target);
            values[r] = new double[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                values[r][c] = number(row, columns.get(c), r);
            }
        }
        return new TabularData(List.copyOf(columns), target, values, targets, CsvTableReader.numeric(targets));
    }

    private static List<String> columnsOf(Map<String, Object> first, String target) {
        if (first == null || !first.containsKey(target)) {
            throw new InvalidInputException("missing-target", "Row 0 has no target column '" + target + "'.");
        }
        List<String> columns = new ArrayList<>(first.keySet());
        columns.remove(target);
        if (columns.isEmpty()) {
            throw new InvalidInputException("no-features", "The rows have no feature column besides '" + target + "'.");
        }
        return columns;
    }

    private static String label(Object value, int row, String target) {
        if (value instanceof String text && !text.isBlank()) {
            return text.trim();
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.toString();
        }
        throw new InvalidInputException("missing-target", "Row " + row + " has no usable value for target '" + target + "'.")
                .with("row", row);
    }

    private static double number(Map<String, Object> row, String column, int r) {
        if (!row.containsKey(column)) {
            throw new InvalidInputException("wrong-field-count", "Row " + r + " lacks column '" + column + "'.")
                    .with("row", r).with("feature", column);
        }
        if (row.get(column) instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw new InvalidInputException("invalid-feature-value", "Row " + r + ", column '" + column
                + "': the value is not a finite number.").with("row", r).with("feature", column);
    }
}
