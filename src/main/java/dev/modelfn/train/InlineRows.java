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

    static TabularData table(List<Map<String, Object>> rows, String target, List<String> features,
            java.util.Set<String> ignored, int maxRows) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("empty-dataset", "'data.rows' is empty.");
        }
        if (rows.size() > maxRows) {
            throw new TooLargeException("too-many-rows", "The dataset has " + rows.size() + " rows; at most "
                    + maxRows + " are allowed (modelfn.train.max-rows).").with("maxRows", maxRows);
        }
        if (rows.get(0) != null) {
            ColumnKinds.requireKnown(ignored, rows.get(0).keySet());
        }
        List<String> columns = ColumnKinds.without(features != null ? features : columnsOf(rows.get(0), target), ignored);
        if (columns.isEmpty()) {
            throw new InvalidInputException("no-features", "The rows have no feature column besides '" + target + "'.");
        }
        List<double[]> values = new ArrayList<>(rows.size());
        List<String> targets = new ArrayList<>(rows.size());
        int[] missing = new int[columns.size()];
        int withoutTarget = 0;
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            if (row == null) {
                throw new InvalidInputException("wrong-type", "Row " + r + " is null.").with("row", r);
            }
            if (features == null && row.size() != columns.size() + 1 + ignored.size()) {
                throw new InvalidInputException("wrong-field-count", "Row " + r + " has " + row.size()
                        + " fields; row 0 has " + (columns.size() + 1 + ignored.size()) + ".").with("row", r);
            }
            String label = label(row.get(target), r, target);
            double[] cells = new double[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                cells[c] = number(row, columns.get(c), r);
            }
            if (label == null) {
                withoutTarget++;
                continue;
            }
            for (int c = 0; c < cells.length; c++) {
                missing[c] += Double.isNaN(cells[c]) ? 1 : 0;
            }
            values.add(cells);
            targets.add(label);
        }
        if (values.isEmpty()) {
            throw new InvalidInputException("no-target-values", "Every row has an empty '" + target + "'.");
        }
        String[] labels = targets.toArray(String[]::new);
        return new TabularData(List.copyOf(columns), target, values.toArray(double[][]::new), labels,
                CsvTableReader.numeric(labels), missing, withoutTarget);
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

    /** The row's target as text, or null when it is empty (null or blank): such a row is left out. */
    private static String label(Object value, int row, String target) {
        if (value == null || value instanceof String blank && blank.isBlank()) {
            return null;
        }
        if (value instanceof String text) {
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
        Object value = row.get(column);
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        if (value == null || value instanceof String blank && blank.isBlank()) {
            return Double.NaN;
        }
        throw new InvalidInputException("invalid-feature-value", "Row " + r + ", column '" + column
                + "': the value is not a finite number.").with("row", r).with("feature", column);
    }
}
