package dev.modelfn.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/** The figures written to metadata.json and returned by train. */
public final class Evaluations {

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
}
