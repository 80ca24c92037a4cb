package dev.modelfn.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.TooLargeException;

/**
 * Reads a CSV with a header row, line by line, straight into a {@link TabularData}: numeric features
 * and one target column. Fields may be double-quoted; a quoted field may not span lines.
 */
public final class CsvTableReader {

    private CsvTableReader() {
    }

    /**
     * @param features the feature columns to keep, or null for every column but the target
     * @param maxRows  most data rows accepted; one more is refused with 413 before it is parsed
     */
    public static TabularData read(Reader source, String target, List<String> features, int maxRows) throws IOException {
        BufferedReader lines = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
        String headerLine = lines.readLine();
        if (headerLine == null) {
            throw new InvalidInputException("empty-dataset", "The dataset is empty: no header row.");
        }
        List<String> header = split(headerLine, 0, -1);
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
        String line;
        int rowNumber = 0;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (rowNumber == maxRows) {
                throw new TooLargeException("too-many-rows", "The dataset has more than " + maxRows
                        + " rows (modelfn.train.max-rows).").with("maxRows", maxRows);
            }
            List<String> fields = split(line, rowNumber, header.size());
            double[] values = new double[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = number(fields.get(columns[i]), rowNumber, kept.get(i));
            }
            rows.add(values);
            targets.add(fields.get(targetColumn).trim());
            rowNumber++;
        }
        String[] targetArray = targets.toArray(String[]::new);
        return new TabularData(List.copyOf(kept), target, rows.toArray(double[][]::new), targetArray, numeric(targetArray));
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

    private static double number(String field, int row, String column) {
        try {
            double value = Double.parseDouble(field.trim());
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

    /** Splits one line into fields; {@code expected} < 0 accepts any count (the header). */
    static List<String> split(String line, int row, int expected) {
        List<String> fields = new ArrayList<>(Math.max(expected, 8));
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        if (expected >= 0 && fields.size() != expected) {
            throw new InvalidInputException("wrong-field-count", "Row " + row + " has " + fields.size()
                    + " fields; the header has " + expected + ".").with("row", row);
        }
        if (expected < 0) {
            fields.replaceAll(String::trim);
        }
        return Arrays.asList(fields.toArray(String[]::new));
    }
}
