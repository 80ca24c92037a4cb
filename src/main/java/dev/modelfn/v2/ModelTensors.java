package dev.modelfn.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelfn.model.ClassPrediction;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.NamedValues;
import dev.modelfn.model.PredictionResult;
import dev.modelfn.model.RegressionPrediction;
import dev.modelfn.model.Task;
import dev.modelfn.predict.ExplanationWriter;
import dev.modelfn.problem.InvalidInputException;

/**
 * A model's inputs and outputs as tensors. Inputs: one FP64 tensor per numeric feature, one BYTES tensor per
 * categorical one. Outputs of a classifier:
 * {@code label} (BYTES [N]) and {@code probabilities} ({@code scores} for a model that gives raw scores;
 * FP64 [N, C], the classes in the order of the {@code classes} parameter); of a regressor: {@code value}
 * (FP64 [N], or [N, D] for D dimensions, named in the {@code dimensions} parameter).
 */
public final class ModelTensors {

    public static final String LABEL = "label";
    public static final String PROBABILITIES = "probabilities";
    public static final String SCORES = "scores";
    public static final String VALUE = "value";
    public static final String CLASSES = "classes";
    public static final String DIMENSIONS = "dimensions";
    public static final String EXPLANATIONS = "explanations";
    private static final Map<String, String> JSON_TEXT = Map.of("content_type", "application/json");

    private ModelTensors() {
    }

    public static List<TensorSpec> inputs(ModelMetadata model) {
        List<TensorSpec> inputs = new ArrayList<>(model.features().size());
        for (String feature : model.features()) {
            inputs.add(new TensorSpec(feature, model.isCategorical(feature) ? "BYTES" : "FP64", new long[] { -1 }, Map.of()));
        }
        return inputs;
    }

    public static List<TensorSpec> outputs(ModelMetadata model) {
        String names = String.join(",", model.outputs());
        if (model.task() == Task.CLASSIFICATION) {
            return List.of(new TensorSpec(LABEL, "BYTES", new long[] { -1 }, Map.of()),
                    new TensorSpec(scoresName(model), "FP64", new long[] { -1, model.outputs().size() },
                            Map.of(CLASSES, names)));
        }
        long[] shape = model.outputs().size() == 1 ? new long[] { -1 } : new long[] { -1, model.outputs().size() };
        return List.of(new TensorSpec(VALUE, "FP64", shape, Map.of(DIMENSIONS, names)));
    }

    /** The outputs to answer with: all of them when {@code requested} is empty, else those, in that order. */
    public static List<TensorSpec> select(ModelMetadata model, List<String> requested) {
        List<TensorSpec> all = outputs(model);
        if (requested == null || requested.isEmpty()) {
            return all;
        }
        List<TensorSpec> chosen = new ArrayList<>(requested.size());
        for (String name : requested) {
            TensorSpec spec = all.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("v2-unknown-output", "Model '" + model.name()
                            + "' has no output '" + name + "'; its outputs are "
                            + all.stream().map(TensorSpec::name).toList() + "."));
            if (chosen.contains(spec)) {
                throw new InvalidInputException("v2-duplicate-output", "Output '" + name + "' is requested twice.");
            }
            chosen.add(spec);
        }
        return chosen;
    }

    /**
     * The {@code chosen} output tensors of {@code predictions}, made by {@code model}; when the predictions were
     * explained, then {@code explanations} (BYTES [N]), each row's explanations as JSON text, as {@code /predict}
     * writes them.
     */
    public static List<OutputTensor> answer(ModelMetadata model, List<TensorSpec> chosen, List<PredictionResult> predictions) {
        int n = predictions.size();
        int width = model.outputs().size();
        List<OutputTensor> tensors = new ArrayList<>(chosen.size());
        for (TensorSpec spec : chosen) {
            if (spec.name().equals(LABEL)) {
                String[] labels = new String[n];
                for (int r = 0; r < n; r++) {
                    labels[r] = ((ClassPrediction) predictions.get(r)).label();
                }
                tensors.add(new OutputTensor(LABEL, "BYTES", new long[] { n }, spec.parameters(), labels, null));
            } else {
                double[] values = new double[n * width];
                for (int r = 0; r < n; r++) {
                    PredictionResult p = predictions.get(r);
                    Map<String, Double> row = p instanceof ClassPrediction c ? c.scores() : ((RegressionPrediction) p).values();
                    for (int c = 0; c < width; c++) {
                        values[r * width + c] = row instanceof NamedValues named ? named.value(c)
                                : row.getOrDefault(model.outputs().get(c), 0.0);
                    }
                }
                long[] shape = spec.shape().length == 1 ? new long[] { n } : new long[] { n, width };
                tensors.add(new OutputTensor(spec.name(), "FP64", shape, spec.parameters(), null, values));
            }
        }
        if (n > 0 && predictions.get(0).explanations() != null) {
            String[] texts = new String[n];
            for (int r = 0; r < n; r++) {
                texts[r] = ExplanationWriter.json(predictions.get(r).explanations());
            }
            tensors.add(new OutputTensor(EXPLANATIONS, "BYTES", new long[] { n }, JSON_TEXT, texts, null));
        }
        return tensors;
    }

    private static String scoresName(ModelMetadata model) {
        return "raw".equals(model.scores()) ? SCORES : PROBABILITIES;
    }
}
