package dev.modelfn.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.regression.Regressor;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.TransformerMap;

import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * Explains a linear SGD model's predictions: for each output, the linear score, the bias and each feature's weight
 * times the value the linear model saw. The example is transformed as {@link TransformedModel} transforms it
 * (standardisation), so the contributions are in the standardised space the weights apply to; a feature absent from
 * the example (a missing value of a standardised model, an unseen category) contributes nothing, as it does to the
 * prediction.
 */
final class LinearExplainer {

    private final TransformerMap transformers;
    private final boolean densify;
    private final ImmutableFeatureMap featureIds;
    /** By output (in {@link #outputs} order) and feature id. */
    private final double[][] weights;
    private final double[] intercepts;
    private final List<String> outputs;
    /** The features as the caller names them (a categorical feature once), in training order. */
    private final List<String> columns;
    /** By feature id, the index in {@link #columns} its contribution adds to. */
    private final int[] column;

    private LinearExplainer(TransformerMap transformers, boolean densify, ImmutableFeatureMap featureIds,
            double[][] weights, double[] intercepts, List<String> outputs, List<String> columns, int[] column) {
        this.transformers = transformers;
        this.densify = densify;
        this.featureIds = featureIds;
        this.weights = weights;
        this.intercepts = intercepts;
        this.outputs = outputs;
        this.columns = columns;
        this.column = column;
    }

    /**
     * The explainer of {@code model}, whose outputs are named in {@code metadata}'s order; {@code owner} names the
     * feature a Tribuo feature belongs to ({@code plan} for the indicator {@code plan=pro}).
     */
    static <T extends Output<T>> LinearExplainer of(ModelMetadata metadata, Model<T> model, Function<String, String> owner) {
        Model<T> inner = model;
        TransformerMap transformers = null;
        boolean densify = false;
        if (model instanceof TransformedModel<T> transformed) {
            inner = transformed.getInnerModel();
            transformers = transformed.getTransformerMap();
            densify = transformed.getDensify();
        }
        if (!(inner instanceof AbstractLinearSGDModel<T> linear)) {
            throw new IllegalStateException(inner.getClass().getName() + " is not a linear SGD model");
        }
        ImmutableFeatureMap featureIds = linear.getFeatureIDMap();
        DenseMatrix matrix = linear.getWeightsCopy();
        int featureCount = featureIds.size();
        boolean bias = matrix.getDimension2Size() > featureCount;
        Map<String, Integer> rowOf = new HashMap<>();
        for (Pair<Integer, T> entry : linear.getOutputIDInfo()) {
            rowOf.put(outputName(entry.getB()), entry.getA());
        }
        List<String> outputs = metadata.outputs();
        double[][] weights = new double[outputs.size()][featureCount];
        double[] intercepts = new double[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            // a regression model has one target, which the metadata names
            Integer row = rowOf.size() == 1 && outputs.size() == 1 ? rowOf.values().iterator().next() : rowOf.get(outputs.get(o));
            if (row == null) {
                throw new IllegalStateException("Output " + outputs.get(o) + " is not one of the model's " + rowOf.keySet());
            }
            for (int f = 0; f < featureCount; f++) {
                weights[o][f] = matrix.get(row, f);
            }
            intercepts[o] = bias ? matrix.get(row, featureCount) : 0.0;
        }
        List<String> columns = metadata.features();
        Map<String, Integer> columnOf = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            columnOf.put(columns.get(c), c);
        }
        int[] column = new int[featureCount];
        for (int f = 0; f < featureCount; f++) {
            String name = featureIds.get(f).getName();
            Integer at = columnOf.get(owner.apply(name));
            if (at == null) {
                throw new IllegalStateException("Feature " + name + " of the model is none of " + columns);
            }
            column[f] = at;
        }
        return new LinearExplainer(transformers, densify, featureIds, weights, intercepts, List.copyOf(outputs),
                List.copyOf(columns), column);
    }

    private static String outputName(Output<?> output) {
        if (output instanceof Label label) {
            return label.getLabel();
        }
        return output instanceof Regressor regressor ? regressor.getNames()[0] : output.toString();
    }

    /**
     * Each output's explanation of {@code example} (as the caller's row became it, before any transformation), in
     * the model's output order; null when a number overflowed, which the prediction then did too.
     */
    <T extends Output<T>> Map<String, Explanation> explain(Example<T> example, Explain explain) {
        Example<T> seen = example;
        if (densify) {
            seen = seen.copy();
            seen.densify(featureIds);
        }
        if (transformers != null) {
            seen = transformers.transformExample(seen);
        }
        int outputCount = outputs.size();
        double[][] byColumn = new double[outputCount][columns.size()];
        double[] scores = new double[outputCount];
        for (Feature feature : seen) {
            int id = featureIds.getID(feature.getName());
            if (id < 0) {
                continue;
            }
            double value = feature.getValue();
            int at = column[id];
            for (int o = 0; o < outputCount; o++) {
                double contribution = weights[o][id] * value;
                byColumn[o][at] += contribution;
                scores[o] += contribution;
            }
        }
        Map<String, Explanation> explanations = new LinkedHashMap<>(outputCount * 2);
        for (int o = 0; o < outputCount; o++) {
            double score = scores[o] + intercepts[o];
            if (!Double.isFinite(score)) {
                return null;
            }
            Map<String, Double> contributions = ranked(byColumn[o], explain.top());
            if (contributions == null) {
                return null;
            }
            explanations.put(outputs.get(o), new Explanation(score, intercepts[o], contributions));
        }
        return Collections.unmodifiableMap(explanations);
    }

    /** The {@code top} largest contributions by magnitude, largest first, the rest summed under "(other)". */
    private Map<String, Double> ranked(double[] contributions, int top) {
        Integer[] order = new Integer[contributions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // stable: equal magnitudes keep the training order
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(contributions[b]), Math.abs(contributions[a])));
        int kept = Math.min(top, order.length);
        boolean rest = kept < order.length;
        List<String> names = new ArrayList<>(kept + (rest ? 1 : 0));
        double[] values = new double[kept + (rest ? 1 : 0)];
        for (int i = 0; i < kept; i++) {
            names.add(columns.get(order[i]));
            values[i] = contributions[order[i]];
        }
        if (rest) {
            double other = 0;
            for (int i = kept; i < order.length; i++) {
                other += contributions[order[i]];
            }
            if (!Double.isFinite(other)) {
                return null;
            }
            names.add(Explain.OTHER);
            values[kept] = other;
        }
        return new NamedValues(names, values);
    }
}
