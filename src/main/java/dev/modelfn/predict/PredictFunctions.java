package dev.modelfn.predict;

import io.quarkus.funqy.Funq;

/** The predict function: POST /predict over HTTP. */
public class PredictFunctions {

    private final PredictionService predictions;

    public PredictFunctions(PredictionService predictions) {
        this.predictions = predictions;
    }

    @Funq
    public PredictResponse predict(PredictRequest request) {
        return predictions.predict(request);
    }
}
