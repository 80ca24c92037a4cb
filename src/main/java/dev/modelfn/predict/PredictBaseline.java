package dev.modelfn.predict;

import java.util.Arrays;
import java.util.Collections;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.model.ClassPrediction;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.NamedValues;
import dev.modelfn.model.PredictionResult;
import dev.modelfn.model.RegressionPrediction;
import dev.modelfn.model.Task;

/**
 * The yardstick of the throughput benchmark, served at POST /predict-baseline by {@link PredictRoute}
 * only when {@code modelfn.bench.baseline=true}: the request is read and checked exactly as for
 * /predict, then answered with a constant of the same shape without running the model, so the
 * benchmark shows what the HTTP and JSON work alone costs.
 */
@ApplicationScoped
public class PredictBaseline {

    // Full-length doubles, so writing the constant costs what writing a real score costs.
    private static final double SCORE = 1.0 / 3.0;

    private final PredictionService predictions;

    public PredictBaseline(PredictionService predictions) {
        this.predictions = predictions;
    }

    public PredictResponse answer(PredictRequest request) {
        PredictionService.Checked checked = predictions.check(request);
        ModelMetadata model = checked.model().metadata();
        return new PredictResponse(model.name(), model.version(),
                Collections.nCopies(checked.rows().size(), constant(model)));
    }

    private static PredictionResult constant(ModelMetadata model) {
        double[] values = new double[model.outputs().size()];
        Arrays.fill(values, SCORE);
        NamedValues scores = new NamedValues(model.outputs(), values);
        if (model.task() == Task.REGRESSION) {
            return new RegressionPrediction(SCORE, scores);
        }
        return new ClassPrediction(model.outputs().get(0), scores);
    }
}
