package dev.modelfn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.modelfn.problem.InvalidInputException;

/**
 * The distinct values of one categorical column while a dataset is read: each value gets a code (a small
 * integer, held in the table's double cell) in the order first seen. {@link #sortAndRecode} then renumbers
 * the column so that codes follow the sorted values.
 */
final class CategoryCodes {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int code(String value) {
        Integer code = codes.get(value);
        if (code == null) {
            code = values.size();
            codes.put(value, code);
            values.add(value);
        }
        return code;
    }

    int size() {
        return values.size();
    }

    /**
     * The text a category takes for a cell that read as a number before its column turned out to be
     * categorical: a whole number without decimals ({@code 7}), else Java's shortest form ({@code 2.5}).
     */
    static String numberText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Rewrites column {@code column} of {@code rows} from first-seen codes to sorted ones; the sorted values. */
    List<String> sortAndRecode(double[][] rows, int column) {
        String[] sorted = values.toArray(String[]::new);
        Arrays.sort(sorted);
        Map<String, Integer> rank = new HashMap<>(sorted.length * 2);
        for (int i = 0; i < sorted.length; i++) {
            rank.put(sorted[i], i);
        }
        double[] recode = new double[sorted.length];
        for (int code = 0; code < recode.length; code++) {
            recode[code] = rank.get(values.get(code));
        }
        for (double[] row : rows) {
            double code = row[column];
            if (code == code) {
                row[column] = recode[(int) code];
            }
        }
        return List.of(sorted);
    }

    /** The 400 for a column with more distinct values than {@code modelfn.train.max-categories} allows. */
    static InvalidInputException tooMany(String column, int count, int max) {
        return (InvalidInputException) new InvalidInputException("too-many-categories", "Column '" + column + "' has "
                + count + " distinct values; a categorical column may have at most " + max
                + " (modelfn.train.max-categories). Leave it out with \"columns\": {\"" + column
                + "\": \"ignore\"}, or raise modelfn.train.max-categories.")
                .with("column", column).with("categories", count).with("maxCategories", max);
    }
}
