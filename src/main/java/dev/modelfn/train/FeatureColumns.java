package dev.modelfn.train;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Feature columns put in the order Tribuo keeps features in (sorted names) once per dataset, so each
 * row becomes an example without sorting; when the columns are already in that order a row's values
 * array is used as it is. Columns named in {@code dropped} (constant ones, see {@link ConstantColumns})
 * are left out of every example.
 */
final class FeatureColumns implements ExampleColumns {

    private final String[] names;
    private final String[] sorted;
    private final int[] order;
    private final boolean inOrder;
    private final boolean distinct;

    FeatureColumns(List<String> features) {
        this(features, Set.of());
    }

    FeatureColumns(List<String> features, Set<String> dropped) {
        names = features.toArray(String[]::new);
        Integer[] byName = IntStream.range(0, names.length).filter(i -> !dropped.contains(names[i]))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(byName, Comparator.comparing(i -> names[i]));
        order = Arrays.stream(byName).mapToInt(Integer::intValue).toArray();
        sorted = new String[order.length];
        Arrays.setAll(sorted, k -> names[order[k]]);
        boolean ordered = order.length == names.length;
        boolean unique = true;
        for (int k = 0; k < order.length; k++) {
            ordered &= order[k] == k;
            unique &= k == 0 || !sorted[k].equals(sorted[k - 1]);
        }
        inOrder = ordered;
        distinct = unique;
    }

    @Override
    public <T extends Output<T>> ArrayExample<T> example(T output, double[] row) {
        if (!distinct) {
            // Tribuo's own constructor and checks, which refuse duplicate features as they always have
            return new ArrayExample<>(output, names, row);
        }
        return new PresortedExample<>(output, sorted, inOrder ? row : reordered(row));
    }

    @Override
    public boolean sharesRows() {
        return distinct && inOrder;
    }

    private double[] reordered(double[] row) {
        double[] values = new double[order.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = row[order[k]];
        }
        return values;
    }
}
