package dev.modelfn.predict;

import dev.modelfn.lambda.LogsLambdaFailures;
import io.quarkus.funqy.Funq;

/**
 * The predict function as Funqy publishes it (the Lambda build's default function, and any event binding).
 * POST /predict over HTTP is answered by {@link PredictRoute} with the same {@link PredictionService},
 * without Funqy's thread hops; GET /predict is refused there with 405.
 */
public class PredictFunctions {

    private final PredictionService predictions;

    public PredictFunctions(PredictionService predictions) {
        this.predictions = predictions;
    }

    @Funq
    @LogsLambdaFailures
    public PredictResponse predict(PredictRequest request) {
        return predictions.predict(request);
    }
}
