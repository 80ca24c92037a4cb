package dev.modelfn.model;

import java.util.List;
import java.util.function.Function;

import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** A Tribuo regressor behind the {@link ServableModel} face. */
public final class RegressorModel extends ServableModel {

    private final Model<Regressor> model;
    private final Function<Prediction<Regressor>, PredictionResult> shape = this::shape;
    private final List<String> dimensions;

    RegressorModel(ModelMetadata metadata, Model<Regressor> model) {
        super(metadata, model);
        this.model = model;
        this.dimensions = List.copyOf(metadata.outputs());
    }

    @Override
    public List<PredictionResult> predict(List<FeatureRow> rows, FeaturePolicy policy, UnseenCategories unseen,
            Explain explain) {
        return predictWith(model, RegressionFactory.UNKNOWN_REGRESSOR, rows, policy, shape, unseen, explain);
    }

    /** The values of one prediction, or null when one overflowed to a non-finite number. */
    private RegressionPrediction shape(Prediction<Regressor> prediction) {
        Regressor output = prediction.getOutput();
        String[] names = output.getNames();
        double[] raw = output.getValues();
        double[] values = new double[dimensions.size()];
        for (int d = 0; d < values.length; d++) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(dimensions.get(d))) {
                    values[d] = raw[i];
                }
            }
        }
        if (!allFinite(values)) {
            return null;
        }
        return new RegressionPrediction(values[0], new NamedValues(dimensions, values));
    }

    @Override
    Model<Regressor> tribuoModel() {
        return model;
    }
}
