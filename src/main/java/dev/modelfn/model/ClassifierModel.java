package dev.modelfn.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** A Tribuo classifier behind the {@link ServableModel} face. */
public final class ClassifierModel extends ServableModel {

    private final Model<Label> model;
    private final Function<Prediction<Label>, PredictionResult> shape = this::shape;
    private final List<String> labels;

    ClassifierModel(ModelMetadata metadata, Model<Label> model) {
        super(metadata, model);
        this.model = model;
        this.labels = List.copyOf(metadata.outputs());
    }

    @Override
    public List<PredictionResult> predict(List<FeatureRow> rows, FeaturePolicy policy, UnseenCategories unseen,
            Explain explain) {
        return predictWith(model, LabelFactory.UNKNOWN_LABEL, rows, policy, shape, unseen, explain);
    }

    /**
     * The label and scores of one prediction, or null when a score is not finite. Tribuo's softmax
     * ({@code ExpNormalizer}) subtracts the largest score before exponentiating, so large finite scores
     * already give valid probabilities; only a score that overflowed (or a row Tribuo could not label)
     * reaches the null.
     */
    private ClassPrediction shape(Prediction<Label> prediction) {
        if (prediction.getOutput() == null) {
            return null;
        }
        Map<String, Label> raw = prediction.getOutputScores();
        double[] scores = new double[labels.size()];
        for (int i = 0; i < scores.length; i++) {
            Label scored = raw.get(labels.get(i));
            scores[i] = scored == null ? 0.0 : scored.getScore();
        }
        if (!allFinite(scores)) {
            return null;
        }
        return new ClassPrediction(prediction.getOutput().getLabel(), new NamedValues(labels, scores));
    }

    @Override
    Model<Label> tribuoModel() {
        return model;
    }
}
