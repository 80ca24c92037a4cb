package dev.modelfn.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.modelfn.problem.InvalidInputException;

/** The {@code columns} of a train request: which columns are left out ({@code ignore}) besides numeric ones. */
final class ColumnKinds {

    static final String NUMERIC = "numeric";
    static final String IGNORE = "ignore";

    private ColumnKinds() {
    }

    /** The columns to leave out; a kind other than {@code numeric} or {@code ignore} is a 400. */
    static Set<String> ignored(Map<String, String> columns, String target) {
        if (columns == null || columns.isEmpty()) {
            return Set.of();
        }
        Set<String> ignored = new LinkedHashSet<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String kind = column.getValue();
            if (IGNORE.equals(kind)) {
                if (column.getKey().equals(target)) {
                    throw new InvalidInputException("invalid-column-kind", "The target '" + target + "' cannot be ignored.")
                            .with("column", target);
                }
                ignored.add(column.getKey());
            } else if (!NUMERIC.equals(kind)) {
                throw new InvalidInputException("invalid-column-kind", "Column '" + column.getKey() + "' has kind '"
                        + kind + "'; a column's kind is \"numeric\" or \"ignore\".").with("column", column.getKey());
            }
        }
        return ignored;
    }

    /** Every ignored column must be one the dataset has, so a misspelt name does not go unnoticed. */
    static void requireKnown(Set<String> ignored, Collection<String> header) {
        for (String column : ignored) {
            if (!header.contains(column)) {
                throw new InvalidInputException("unknown-column", "'columns' names '" + column
                        + "', which the dataset does not have; its columns are " + header + ".").with("column", column);
            }
        }
    }

    static List<String> without(List<String> features, Set<String> ignored) {
        if (ignored.isEmpty()) {
            return features;
        }
        List<String> kept = new ArrayList<>(features);
        kept.removeAll(ignored);
        return kept;
    }
}
