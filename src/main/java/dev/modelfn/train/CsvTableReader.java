package dev.modelfn.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.TooLargeException;

/**
 * Reads a CSV with a header row, streaming, straight into a {@link TabularData}: numeric features and one
 * target column. RFC 4180 as spreadsheets write it (FastCSV): a UTF-8 byte order mark, CRLF, LF or CR line
 * ends, quoted fields holding separators, doubled quotes and line breaks, white space around values; the
 * separator is given or detected from the header line. Rows are checked in order (field count, then the
 * columns left to right), so the first fault is the one reported. An empty numeric cell is missing (NaN,
 * counted per column); a row with an empty target is left out and counted.
 */
public final class CsvTableReader {

    /** The default of {@code modelfn.train.max-categories}. */
    static final int DEFAULT_MAX_CATEGORIES = 1000;
    /** The separators detection chooses between, in the order that breaks a tie. */
    static final char[] SEPARATORS = {',', ';', '\t', '|'};
    private static final int HEADER_PEEK = 1 << 20;

    private CsvTableReader() {
    }

    /** As {@link #read(Reader, Character, String, List, Set, int)}, detecting the separator. */
    public static TabularData read(Reader source, String target, List<String> features, int maxRows) throws IOException {
        return read(source, null, target, features, Set.of(), maxRows);
    }

    /**
     * @param separator the field separator, or null to take the one of {@link #SEPARATORS} found most often
     *                  outside quotes in the header line
     * @param features  the feature columns to keep, or null for every column but the target
     * @param ignored   columns left out (the {@code ignore} kind); each must be in the header
     * @param maxRows   most data rows accepted; one more is refused with 413 before it is used
     */
    public static TabularData read(Reader source, Character separator, String target, List<String> features,
            Set<String> ignored, int maxRows) throws IOException {
        return read(source, separator, target, features, ColumnKinds.ignoring(ignored), maxRows, DEFAULT_MAX_CATEGORIES);
    }

    /**
     * As {@link #read(Reader, Character, String, List, Set, int)}, with each column's kind given or detected.
     *
     * @param maxCategories most distinct values a categorical column may have; more is a 400 naming the column
     */
    static TabularData read(Reader source, Character separator, String target, List<String> features,
            ColumnKinds kinds, int maxRows, int maxCategories) throws IOException {
        BufferedReader buffered = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
        char chosen = separator != null ? separator : detect(buffered);
        CsvRowHandler handler = new CsvRowHandler();
        CsvReader<CsvRowHandler> csv = CsvReader.builder().fieldSeparator(chosen).allowMissingFields(true)
                .allowExtraFields(true).trimWhitespacesAroundQuotes(true).skipEmptyLines(true)
                .build(handler, buffered);
        try (csv) {
            return read(csv, handler, target, features, kinds, maxRows, maxCategories);
        } catch (CsvParseException e) {
            throw new InvalidInputException("invalid-csv", "The dataset is not readable CSV: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static TabularData read(CsvReader<CsvRowHandler> csv, CsvRowHandler handler, String target,
            List<String> features, ColumnKinds kinds, int maxRows, int maxCategories) {
        var records = csv.iterator();
        if (!records.hasNext()) {
            throw new InvalidInputException("empty-dataset", "The dataset is empty: no header row.");
        }
        records.next();
        List<String> header = header(handler.header());
        int targetColumn = header.indexOf(target);
        if (targetColumn < 0) {
            throw new InvalidInputException("missing-target", "The dataset has no column '" + target + "'; its columns are " + header + ".");
        }
        kinds.requireKnown(header);
        List<String> kept = kinds.without(features == null ? without(header, target) : features);
        if (kept.isEmpty()) {
            throw new InvalidInputException("no-features", "The dataset has no feature column besides '" + target + "'.");
        }
        int[] slots = slotsOf(header, kept, targetColumn);
        ColumnKinds.Kind[] kindOf = kept.stream().map(kinds::kindOf).toArray(ColumnKinds.Kind[]::new);
        handler.columns(slots, kept.size(), kindOf);
        CategoryCodes[] codes = handler.codes();
        List<double[]> rows = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        int rowNumber = 0;
        int withoutTarget = 0;
        // a column over the categories limit: the rest is read only to count its values for the answer
        int overLimit = -1;
        while (records.hasNext()) {
            records.next();
            if (handler.isBlank()) {
                continue;
            }
            for (int slot : handler.switched()) {
                for (double[] row : rows) {
                    double value = row[slot];
                    if (value == value) {
                        row[slot] = codes[slot].code(CategoryCodes.numberText(value));
                    }
                }
            }
            if (overLimit < 0) {
                for (int slot = 0; slot < codes.length; slot++) {
                    if (codes[slot] != null && codes[slot].size() > maxCategories) {
                        overLimit = slot;
                        rows.clear();
                        targets.clear();
                        break;
                    }
                }
            }
            if (rowNumber == maxRows) {
                throw new TooLargeException("too-many-rows", "The dataset has more than " + maxRows
                        + " rows (modelfn.train.max-rows).").with("maxRows", maxRows);
            }
            if (handler.fields() != header.size()) {
                throw new InvalidInputException("wrong-field-count", "Row " + rowNumber + " has " + handler.fields()
                        + " fields; the header has " + header.size() + ".").with("row", rowNumber);
            }
            if (handler.badColumn() >= 0) {
                String column = header.get(handler.badColumn());
                throw new InvalidInputException("invalid-feature-value", "Row " + rowNumber + ", column '" + column
                        + "': the value is not a finite number, and 'columns' declares the column numeric. Declare it"
                        + " \"categorical\", or leave it out with \"columns\": {\"" + column + "\": \"ignore\"}.")
                        .with("row", rowNumber).with("feature", column);
            }
            rowNumber++;
            if (handler.target() == null || handler.target().isEmpty()) {
                withoutTarget++;
                continue;
            }
            if (overLimit >= 0) {
                continue;
            }
            handler.keep();
            rows.add(handler.values());
            targets.add(handler.target());
        }
        if (overLimit >= 0) {
            throw CategoryCodes.tooMany(kept.get(overLimit), codes[overLimit].size(), maxCategories);
        }
        if (rows.isEmpty() && withoutTarget > 0) {
            throw new InvalidInputException("no-target-values", "Every row has an empty '" + target + "'.");
        }
        String[] targetArray = targets.toArray(String[]::new);
        double[][] table = rows.toArray(double[][]::new);
        return new TabularData(List.copyOf(kept), target, table, targetArray, numeric(targetArray), handler.missing(),
                withoutTarget, categories(codes, table));
    }

    /** Per column, the sorted categories of a categorical one (its cells recoded to follow them), else null. */
    static List<List<String>> categories(CategoryCodes[] codes, double[][] rows) {
        List<List<String>> categories = null;
        for (int c = 0; c < codes.length; c++) {
            if (codes[c] != null) {
                if (categories == null) {
                    categories = new ArrayList<>(java.util.Collections.nCopies(codes.length, (List<String>) null));
                }
                categories.set(c, codes[c].sortAndRecode(rows, c));
            }
        }
        return categories == null ? null : java.util.Collections.unmodifiableList(categories);
    }

    /** The header's names, trimmed and without a byte order mark; duplicate or empty names are refused. */
    private static List<String> header(List<String> names) {
        List<String> header = new ArrayList<>(names);
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1).trim());
        }
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                empty.add(i);
            } else if (!seen.add(header.get(i))) {
                duplicates.add(header.get(i));
            }
        }
        if (!duplicates.isEmpty() || !empty.isEmpty()) {
            String detail = "The header row " + (duplicates.isEmpty() ? "" : "names " + duplicates + " more than once")
                    + (!duplicates.isEmpty() && !empty.isEmpty() ? " and " : "")
                    + (empty.isEmpty() ? "" : "has no name for column" + (empty.size() == 1 ? " " : "s ")
                            + empty.toString().replaceAll("[\\[\\]]", "") + " (counted from 0)")
                    + "; every column needs a name of its own.";
            throw new InvalidInputException("invalid-header", detail)
                    .with("duplicates", List.copyOf(duplicates)).with("emptyColumns", empty);
        }
        return header;
    }

    /** The separator of {@link #SEPARATORS} seen most often outside quotes in the first line; ',' when none. */
    static char detect(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK);
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        for (int n = 0; n < HEADER_PEEK; n++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int s = 0; s < SEPARATORS.length; s++) {
                    counts[s] += c == SEPARATORS[s] ? 1 : 0;
                }
            }
        }
        reader.reset();
        int best = 0;
        for (int s = 1; s < counts.length; s++) {
            if (counts[s] > counts[best]) {
                best = s;
            }
        }
        return SEPARATORS[best];
    }

    private static int[] slotsOf(List<String> header, List<String> features, int targetColumn) {
        int[] slots = new int[header.size()];
        Arrays.fill(slots, CsvRowHandler.SKIP);
        slots[targetColumn] = CsvRowHandler.TARGET;
        for (int i = 0; i < features.size(); i++) {
            int column = header.indexOf(features.get(i));
            if (column < 0) {
                throw new InvalidInputException("unknown-column", "The dataset has no column '" + features.get(i) + "'; its columns are " + header + ".");
            }
            slots[column] = i;
        }
        return slots;
    }

    private static List<String> without(List<String> header, String target) {
        List<String> rest = new ArrayList<>(header);
        rest.remove(target);
        return rest;
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
