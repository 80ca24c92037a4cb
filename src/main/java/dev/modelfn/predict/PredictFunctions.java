package dev.modelfn.predict;

import dev.modelfn.lambda.LogsLambdaFailures;
import io.quarkus.funqy.Funq;

/** The predict function: POST /predict over HTTP, and the default function of the Lambda build. */
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
