package dev.modelfn.train;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import dev.modelfn.problem.InvalidInputException;

/**
 * Turns rows of {@link TabularData} into Tribuo datasets, every feature present in every example. The
 * examples hold the table's row arrays (see {@link FeatureColumns}), so the table must not change while
 * a dataset built from it is in use.
 */
public final class TribuoDatasets {

    private TribuoDatasets() {
    }

    public static MutableDataset<Label> classification(TabularData data, int[] rows, String source) {
        return classification(data, rows, source, Set.of());
    }

    /** As {@link #classification(TabularData, int[], String)}, leaving out the columns named in {@code dropped}. */
    public static MutableDataset<Label> classification(TabularData data, int[] rows, String source, Set<String> dropped) {
        return classification(data, rows, source, columns(data, rows, dropped));
    }

    static MutableDataset<Label> classification(TabularData data, int[] rows, String source, ExampleColumns columns) {
        LabelFactory factory = new LabelFactory();
        return classification(data, rows, columns, new MutableDataset<>(new SimpleDataSourceProvenance(source, factory), factory));
    }

    /** Adds the rows to {@code dataset}, an empty one, and returns it. */
    static <D extends MutableDataset<Label>> D classification(TabularData data, int[] rows, ExampleColumns columns,
            D dataset) {
        // Labels are immutable, so the rows of one class can share one
        Map<String, Label> labels = new HashMap<>();
        for (int i : rows) {
            dataset.add(columns.example(labels.computeIfAbsent(data.targets()[i], Label::new), data.rows()[i]));
        }
        return dataset;
    }

    public static MutableDataset<Regressor> regression(TabularData data, int[] rows, String source) {
        return regression(data, rows, source, Set.of());
    }

    /** As {@link #regression(TabularData, int[], String)}, leaving out the columns named in {@code dropped}. */
    public static MutableDataset<Regressor> regression(TabularData data, int[] rows, String source, Set<String> dropped) {
        return regression(data, rows, source, columns(data, rows, dropped));
    }

    static MutableDataset<Regressor> regression(TabularData data, int[] rows, String source, ExampleColumns columns) {
        RegressionFactory factory = new RegressionFactory();
        return regression(data, rows, columns, new MutableDataset<>(new SimpleDataSourceProvenance(source, factory), factory));
    }

    /** Adds the rows to {@code dataset}, an empty one, and returns it. */
    static <D extends MutableDataset<Regressor>> D regression(TabularData data, int[] rows, ExampleColumns columns,
            D dataset) {
        requireNumericTarget(data);
        for (int i : rows) {
            dataset.add(columns.example(new Regressor(data.target(), data.numericTargets()[i]), data.rows()[i]));
        }
        return dataset;
    }

    static void requireNumericTarget(TabularData data) {
        if (data.numericTargets() == null) {
            throw new InvalidInputException("non-numeric-target", "Regression needs a numeric target; column '"
                    + data.target() + "' has values that are not numbers.");
        }
    }

    /**
     * How rows become examples: the numeric columns as they are, or, for a table with categorical columns,
     * one-hot encoded with the categories of {@code trainRows}.
     */
    static ExampleColumns columns(TabularData data, int[] trainRows, Set<String> dropped) {
        return data.anyCategorical() ? new IndicatorColumns(data, trainRows, dropped)
                : new FeatureColumns(data.features(), dropped);
    }

    /** Every row index of {@code data}. */
    public static int[] all(TabularData data) {
        int[] rows = new int[data.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
