package dev.modelfn.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/** The figures written to metadata.json and returned by train. */
public final class Evaluations {

    private static final double MIN_PROBABILITY = 1e-15;

    private Evaluations() {
    }

    /** @param evaluatedOn {@code holdout} or {@code training} */
    public static Map<String, Object> classification(Model<Label> model, Dataset<Label> data, List<String> labels,
            String evaluatedOn) {
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, data);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("evaluatedOn", evaluatedOn);
        metrics.put("rows", data.size());
        metrics.put("accuracy", evaluation.accuracy());
        metrics.put("macroF1", evaluation.macroAveragedF1());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (String name : labels) {
            Label label = new Label(name);
            perClass.put(name, Map.of("precision", evaluation.precision(label), "recall", evaluation.recall(label)));
        }
        metrics.put("perClass", perClass);
        metrics.put("confusion", confusion(evaluation.getConfusionMatrix(), labels));
        if (model.generatesProbabilities()) {
            metrics.put("logLoss", logLoss(evaluation.getPredictions()));
            if (labels.size() == 2) {
                metrics.put("rocAuc", evaluation.AUCROC(new Label(labels.get(1))));
            }
        }
        return metrics;
    }

    public static Map<String, Object> regression(Model<Regressor> model, Dataset<Regressor> data, String evaluatedOn) {
        RegressionEvaluation evaluation = new RegressionEvaluator().evaluate(model, data);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("evaluatedOn", evaluatedOn);
        metrics.put("rows", data.size());
        metrics.put("r2", evaluation.averageR2());
        metrics.put("rmse", evaluation.averageRMSE());
        metrics.put("mae", evaluation.averageMAE());
        return metrics;
    }

    /** Rows are true classes, columns predicted classes, both in {@code labels} order. */
    private static Map<String, Object> confusion(ConfusionMatrix<Label> matrix, List<String> labels) {
        List<List<Long>> counts = new ArrayList<>();
        for (String truth : labels) {
            List<Long> row = new ArrayList<>();
            for (String predicted : labels) {
                row.add(Math.round(matrix.confusion(new Label(predicted), new Label(truth))));
            }
            counts.add(row);
        }
        return Map.of("labels", labels, "matrix", counts);
    }

    private static double logLoss(List<Prediction<Label>> predictions) {
        double sum = 0;
        for (Prediction<Label> prediction : predictions) {
            Label truth = prediction.getExample().getOutput();
            Label scored = prediction.getOutputScores().get(truth.getLabel());
            double p = scored == null ? 0 : scored.getScore();
            sum -= Math.log(Math.max(p, MIN_PROBABILITY));
        }
        return sum / predictions.size();
    }
}
