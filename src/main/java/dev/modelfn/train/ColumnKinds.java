package dev.modelfn.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.modelfn.problem.InvalidInputException;

/**
 * The {@code columns} of a train request: a kind per column name. {@code ignore} leaves the column out,
 * {@code categorical} one-hot encodes it whatever its values look like, {@code numeric} requires a number in
 * every non-empty cell. A column not named is numeric when its non-empty values are all numbers, else
 * categorical.
 *
 * @param ignored     columns left out
 * @param categorical columns forced categorical
 * @param numeric     columns forced numeric
 */
record ColumnKinds(Set<String> ignored, Set<String> categorical, Set<String> numeric) {

    static final String NUMERIC = "numeric";
    static final String CATEGORICAL = "categorical";
    static final String IGNORE = "ignore";

    static final ColumnKinds DETECTED = new ColumnKinds(Set.of(), Set.of(), Set.of());

    /** Only {@code ignored} left out, every other column's kind detected. */
    static ColumnKinds ignoring(Set<String> ignored) {
        return new ColumnKinds(ignored, Set.of(), Set.of());
    }

    /** The kinds of {@code columns}; a kind other than the three, or the target named, is a 400. */
    static ColumnKinds of(Map<String, String> columns, String target) {
        if (columns == null || columns.isEmpty()) {
            return DETECTED;
        }
        Set<String> ignored = new LinkedHashSet<>();
        Set<String> categorical = new LinkedHashSet<>();
        Set<String> numeric = new LinkedHashSet<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String kind = column.getValue();
            boolean known = IGNORE.equals(kind) || CATEGORICAL.equals(kind) || NUMERIC.equals(kind);
            if (!known) {
                throw new InvalidInputException("invalid-column-kind", "Column '" + column.getKey() + "' has kind '"
                        + kind + "'; a column's kind is \"numeric\", \"categorical\" or \"ignore\".")
                        .with("column", column.getKey());
            }
            if (column.getKey().equals(target) && !NUMERIC.equals(kind)) {
                throw new InvalidInputException("invalid-column-kind", "The target '" + target + "' cannot be "
                        + (IGNORE.equals(kind) ? "ignored" : "a categorical feature") + ".").with("column", target);
            }
            (IGNORE.equals(kind) ? ignored : CATEGORICAL.equals(kind) ? categorical : numeric).add(column.getKey());
        }
        return new ColumnKinds(ignored, categorical, numeric);
    }

    /** Every column named must be one the dataset has, so a misspelt name does not go unnoticed. */
    void requireKnown(Collection<String> header) {
        for (Set<String> named : List.of(ignored, categorical, numeric)) {
            for (String column : named) {
                if (!header.contains(column)) {
                    throw new InvalidInputException("unknown-column", "'columns' names '" + column
                            + "', which the dataset does not have; its columns are " + header + ".").with("column", column);
                }
            }
        }
    }

    List<String> without(List<String> features) {
        if (ignored.isEmpty()) {
            return features;
        }
        List<String> kept = new ArrayList<>(features);
        kept.removeAll(ignored);
        return kept;
    }

    /** For a feature column: its kind, forced or to detect. */
    Kind kindOf(String column) {
        return categorical.contains(column) ? Kind.CATEGORICAL : numeric.contains(column) ? Kind.NUMERIC : Kind.DETECT;
    }

    enum Kind {
        NUMERIC,
        CATEGORICAL,
        DETECT
    }
}
