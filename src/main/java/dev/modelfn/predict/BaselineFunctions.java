package dev.modelfn.predict;

import java.util.Arrays;
import java.util.Collections;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.model.ClassPrediction;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.NamedValues;
import dev.modelfn.model.PredictionResult;
import dev.modelfn.model.RegressionPrediction;
import dev.modelfn.model.Task;
import dev.modelfn.problem.NotFoundException;
import io.quarkus.funqy.Funq;

/**
 * The yardstick of the throughput benchmark: POST /predict-baseline reads and checks a predict request
 * exactly as /predict does, then answers a constant of the same shape without running the model, so
 * the benchmark shows what the HTTP and JSON work alone costs. Answers 404 unless
 * {@code modelfn.bench.baseline=true}.
 */
public class BaselineFunctions {

    // Full-length doubles, so writing the constant costs what writing a real score costs.
    private static final double SCORE = 1.0 / 3.0;

    private final PredictionService predictions;
    private final boolean enabled;

    public BaselineFunctions(PredictionService predictions, ModelfnConfig config) {
        this.predictions = predictions;
        this.enabled = config.bench().baseline();
    }

    @Funq("predict-baseline")
    public PredictResponse predictBaseline(PredictRequest request) {
        if (!enabled) {
            throw new NotFoundException("no-such-function", "No function at /predict-baseline.");
        }
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
