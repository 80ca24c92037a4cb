package dev.modelfn.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.function.Function;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;

/**
 * One loaded, checked, immutable model version, ready to predict. The HTTP, event and Lambda
 * surfaces reach Tribuo only through this type.
 */
public abstract sealed class ServableModel permits ClassifierModel, RegressorModel {

    private final ModelMetadata metadata;
    final FeatureSchema schema;
    /** Indicator feature name to its categorical feature and category. */
    private final Map<String, String[]> indicators;
    private volatile OnnxExport onnx;
    private volatile LinearExplainer explainer;

    ServableModel(ModelMetadata metadata, Model<?> model) {
        this.metadata = metadata;
        Set<String> used = new HashSet<>();
        for (VariableInfo info : model.getFeatureIDMap()) {
            used.add(info.getName());
        }
        this.schema = new FeatureSchema(metadata.features(), metadata.missingValues(), used, metadata.categories());
        this.indicators = new HashMap<>();
        if (metadata.categories() != null) {
            metadata.categories().forEach((feature, categories) -> categories.forEach(category ->
                    indicators.put(Categories.indicator(feature, category), new String[] { feature, category })));
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String name() {
        return metadata.name();
    }

    public String version() {
        return metadata.version();
    }

    /** Predictions for {@code rows}, in their order. Bad rows throw {@code InvalidInputException}. */
    public List<PredictionResult> predict(List<FeatureRow> rows, FeaturePolicy policy) {
        return predict(rows, policy, UnseenCategories.NONE);
    }

    /**
     * As {@link #predict(List, FeaturePolicy)}; once the rows are answered, {@code unseen} is told how many rows
     * gave each categorical feature a category that training never saw (such a value contributes nothing).
     */
    public List<PredictionResult> predict(List<FeatureRow> rows, FeaturePolicy policy, UnseenCategories unseen) {
        return predict(rows, policy, unseen, null);
    }

    /**
     * As {@link #predict(List, FeaturePolicy, UnseenCategories)}, each prediction with its explanations when
     * {@code explain} is not null.
     */
    public abstract List<PredictionResult> predict(List<FeatureRow> rows, FeaturePolicy policy, UnseenCategories unseen,
            Explain explain);

    /**
     * Refuses a string for a numeric feature and a number for a categorical one, before the model runs; for a
     * model without categorical features only rows that hold a string are looked at.
     */
    public void checkValueKinds(List<FeatureRow> rows) {
        schema.checkKinds(rows);
    }

    /**
     * The {@code n} features with the largest weights for each output (class label, or regression
     * dimension), as Tribuo reports them; for a standardised model the weights apply to standardised
     * values, so they compare across features.
     */
    public Map<String, List<FeatureWeight>> topFeatures(int n) {
        Map<String, List<FeatureWeight>> top = new LinkedHashMap<>();
        tribuoModel().getTopFeatures(n).forEach((output, pairs) -> top.put(output,
                pairs.stream().map(p -> weight(p.getA(), p.getB())).toList()));
        return top;
    }

    /** A numeric feature's weight, or a category's: {@code plan=pro} reads as feature plan, category pro. */
    private FeatureWeight weight(String name, double weight) {
        String[] owner = indicators.get(name);
        return owner == null ? new FeatureWeight(name, weight) : new FeatureWeight(owner[0], owner[1], weight);
    }

    abstract Model<?> tribuoModel();

    /** This version as an ONNX model (see {@link OnnxExport}), built on first use. */
    public OnnxExport onnx() {
        OnnxExport export = onnx;
        if (export == null) {
            export = OnnxExport.of(metadata, tribuoModel());
            onnx = export;
        }
        return export;
    }

    /** This version's explainer, built on first use. */
    private LinearExplainer explainer() {
        LinearExplainer built = explainer;
        if (built == null) {
            built = LinearExplainer.of(metadata, tribuoModel(), name -> {
                String[] owner = indicators.get(name);
                return owner == null ? name : owner[0];
            });
            explainer = built;
        }
        return built;
    }

    /**
     * Predicts {@code rows} with {@code model}: one row through Tribuo's single-example call, several
     * through its batch call, each prediction shaped by {@code shape}, in the order of the rows, and explained when
     * {@code explain} is not null. A shape answers null for a prediction whose numbers are not all finite; such rows
     * are refused together.
     */
    <T extends Output<T>> List<PredictionResult> predictWith(Model<T> model, T unknown, List<FeatureRow> rows,
            FeaturePolicy policy, Function<Prediction<T>, PredictionResult> shape, UnseenCategories sink,
            Explain explain) {
        int[] unseen = schema.unseenCounter();
        if (rows.size() == 1) {
            Example<T> example = schema.example(rows.get(0), 0, unknown, policy, unseen);
            PredictionResult result = explained(shape.apply(model.predict(example)), example, explain);
            if (result == null) {
                throw NonFinitePrediction.ofRows(List.of(0));
            }
            schema.report(unseen, sink);
            return List.of(result);
        }
        List<Example<T>> examples = schema.examples(rows, unknown, policy, unseen);
        List<Prediction<T>> predictions = model.predict(examples);
        List<PredictionResult> results = new ArrayList<>(predictions.size());
        List<Integer> nonFinite = null;
        for (int r = 0; r < predictions.size(); r++) {
            PredictionResult result = explained(shape.apply(predictions.get(r)), examples.get(r), explain);
            if (result == null) {
                nonFinite = nonFinite == null ? new ArrayList<>() : nonFinite;
                nonFinite.add(r);
            }
            results.add(result);
        }
        if (nonFinite != null) {
            throw NonFinitePrediction.ofRows(nonFinite);
        }
        schema.report(unseen, sink);
        return results;
    }

    /** {@code result} with the explanations of {@code example} when asked for; null when either is not finite. */
    private <T extends Output<T>> PredictionResult explained(PredictionResult result, Example<T> example, Explain explain) {
        if (result == null || explain == null) {
            return result;
        }
        Map<String, Explanation> explanations = explainer().explain(example, explain);
        return explanations == null ? null : result.explained(explanations);
    }

    /** True when every value is a finite number: what a prediction must hold to be answered. */
    static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
