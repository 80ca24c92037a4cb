package dev.modelfn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.TooLargeException;

/**
 * Turns rows sent inline as JSON objects into a {@link TabularData}. A column is categorical when it is
 * declared so or holds a string that is not blank; its JSON numbers then become categories as written.
 */
final class InlineRows {

    private InlineRows() {
    }

    static TabularData table(List<Map<String, Object>> rows, String target, List<String> features,
            java.util.Set<String> ignored, int maxRows) {
        return table(rows, target, features, ColumnKinds.ignoring(ignored), maxRows, CsvTableReader.DEFAULT_MAX_CATEGORIES);
    }

    static TabularData table(List<Map<String, Object>> rows, String target, List<String> features,
            ColumnKinds kinds, int maxRows, int maxCategories) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("empty-dataset", "'data.rows' is empty.");
        }
        if (rows.size() > maxRows) {
            throw new TooLargeException("too-many-rows", "The dataset has " + rows.size() + " rows; at most "
                    + maxRows + " are allowed (modelfn.train.max-rows).").with("maxRows", maxRows);
        }
        if (rows.get(0) != null) {
            kinds.requireKnown(rows.get(0).keySet());
        }
        List<String> columns = kinds.without(features != null ? features : columnsOf(rows.get(0), target));
        if (columns.isEmpty()) {
            throw new InvalidInputException("no-features", "The rows have no feature column besides '" + target + "'.");
        }
        int ignoredCount = kinds.ignored().size();
        CategoryCodes[] codes = codes(rows, columns, kinds);
        List<double[]> values = new ArrayList<>(rows.size());
        List<String> targets = new ArrayList<>(rows.size());
        int[] missing = new int[columns.size()];
        int withoutTarget = 0;
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            if (row == null) {
                throw new InvalidInputException("wrong-type", "Row " + r + " is null.").with("row", r);
            }
            if (features == null && row.size() != columns.size() + 1 + ignoredCount) {
                throw new InvalidInputException("wrong-field-count", "Row " + r + " has " + row.size()
                        + " fields; row 0 has " + (columns.size() + 1 + ignoredCount) + ".").with("row", r);
            }
            String label = label(row.get(target), r, target);
            double[] cells = new double[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                cells[c] = codes[c] != null ? category(row, columns.get(c), r, codes[c]) : number(row, columns.get(c), r);
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
        for (int c = 0; c < codes.length; c++) {
            if (codes[c] != null && codes[c].size() > maxCategories) {
                throw CategoryCodes.tooMany(columns.get(c), codes[c].size(), maxCategories);
            }
        }
        if (values.isEmpty()) {
            throw new InvalidInputException("no-target-values", "Every row has an empty '" + target + "'.");
        }
        String[] labels = targets.toArray(String[]::new);
        double[][] table = values.toArray(double[][]::new);
        return new TabularData(List.copyOf(columns), target, table, labels, CsvTableReader.numeric(labels), missing,
                withoutTarget, CsvTableReader.categories(codes, table));
    }

    /** Per column, codes to fill when it is categorical (declared, or holding a non-blank string), else null. */
    private static CategoryCodes[] codes(List<Map<String, Object>> rows, List<String> columns, ColumnKinds kinds) {
        CategoryCodes[] codes = new CategoryCodes[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            ColumnKinds.Kind kind = kinds.kindOf(column);
            boolean categorical = kind == ColumnKinds.Kind.CATEGORICAL;
            for (int r = 0; r < rows.size() && !categorical && kind == ColumnKinds.Kind.DETECT; r++) {
                Object value = rows.get(r) == null ? null : rows.get(r).get(column);
                categorical = value instanceof String text && !text.isBlank();
            }
            codes[c] = categorical ? new CategoryCodes() : null;
        }
        return codes;
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

    private static void requirePresent(Map<String, Object> row, String column, int r) {
        if (!row.containsKey(column)) {
            throw new InvalidInputException("wrong-field-count", "Row " + r + " lacks column '" + column + "'.")
                    .with("row", r).with("feature", column);
        }
    }

    private static double number(Map<String, Object> row, String column, int r) {
        requirePresent(row, column, r);
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

    private static double category(Map<String, Object> row, String column, int r, CategoryCodes codes) {
        requirePresent(row, column, r);
        Object value = row.get(column);
        if (value == null || value instanceof String blank && blank.isBlank()) {
            return Double.NaN;
        }
        if (value instanceof String text) {
            return codes.code(text.strip());
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return codes.code(CategoryCodes.numberText(number.doubleValue()));
        }
        throw new InvalidInputException("invalid-feature-value", "Row " + r + ", column '" + column
                + "': the value is neither a string nor a number.").with("row", r).with("feature", column);
    }
}
