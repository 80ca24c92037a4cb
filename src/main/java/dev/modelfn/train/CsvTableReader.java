package dev.modelfn.train;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.TooLargeException;

/**
 * Reads a CSV with a header row, streaming, straight into a {@link TabularData}: numeric features
 * and one target column. Fields may be double-quoted; a quoted field may not span lines. Rows are
 * checked in order (field count, then the kept columns left to right), so the first fault is the one
 * reported.
 */
public final class CsvTableReader {

    private CsvTableReader() {
    }

    /**
     * @param features the feature columns to keep, or null for every column but the target
     * @param maxRows  most data rows accepted; one more is refused with 413 before it is parsed
     */
    public static TabularData read(Reader source, String target, List<String> features, int maxRows) throws IOException {
        CsvScanner csv = new CsvScanner(source);
        if (!csv.next()) {
            throw new InvalidInputException("empty-dataset", "The dataset is empty: no header row.");
        }
        List<String> header = texts(csv);
        int targetColumn = header.indexOf(target);
        if (targetColumn < 0) {
            throw new InvalidInputException("missing-target", "The dataset has no column '" + target + "'; its columns are " + header + ".");
        }
        List<String> kept = features == null ? without(header, target) : features;
        if (kept.isEmpty()) {
            throw new InvalidInputException("no-features", "The dataset has no feature column besides '" + target + "'.");
        }
        int[] columns = columnsOf(header, kept);
        List<double[]> rows = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        TargetValues targetValues = new TargetValues();
        int rowNumber = 0;
        while (csv.next()) {
            if (csv.isBlank()) {
                continue;
            }
            if (rowNumber == maxRows) {
                throw new TooLargeException("too-many-rows", "The dataset has more than " + maxRows
                        + " rows (modelfn.train.max-rows).").with("maxRows", maxRows);
            }
            if (csv.fieldCount() != header.size()) {
                throw new InvalidInputException("wrong-field-count", "Row " + rowNumber + " has " + csv.fieldCount()
                        + " fields; the header has " + header.size() + ".").with("row", rowNumber);
            }
            double[] values = new double[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = number(csv, columns[i], rowNumber, kept.get(i));
            }
            rows.add(values);
            targets.add(targetValues.of(csv, targetColumn));
            rowNumber++;
        }
        String[] targetArray = targets.toArray(String[]::new);
        return new TabularData(List.copyOf(kept), target, rows.toArray(double[][]::new), targetArray, numeric(targetArray));
    }

    private static List<String> texts(CsvScanner csv) {
        List<String> texts = new ArrayList<>(csv.fieldCount());
        for (int i = 0; i < csv.fieldCount(); i++) {
            texts.add(csv.text(i));
        }
        return texts;
    }

    private static int[] columnsOf(List<String> header, List<String> features) {
        int[] columns = new int[features.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = header.indexOf(features.get(i));
            if (columns[i] < 0) {
                throw new InvalidInputException("unknown-column", "The dataset has no column '" + features.get(i) + "'; its columns are " + header + ".");
            }
        }
        return columns;
    }

    private static List<String> without(List<String> header, String target) {
        List<String> rest = new ArrayList<>(header);
        rest.remove(target);
        return rest;
    }

    private static double number(CsvScanner csv, int field, int row, String column) {
        try {
            double value = csv.number(field);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("invalid-feature-value", "Row " + row + ", column '" + column + "': the value is not a finite number.")
                .with("row", row).with("feature", column);
    }

    static double[] numeric(String[] targets) {
        double[] values = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            try {
                values[i] = Double.parseDouble(targets[i]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return values;
    }
}
