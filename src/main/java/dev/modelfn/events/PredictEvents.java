package dev.modelfn.events;

import dev.modelfn.predict.PredictRequest;
import dev.modelfn.predict.PredictResponse;
import dev.modelfn.predict.PredictionService;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;

/**
 * The predict function as a CloudEvents recipient: {@code modelfn.predict} in, {@code modelfn.prediction}
 * out (mapping in application.properties). A separate function from plain {@code POST /predict} because
 * Funqy only lets a function that returns a CloudEvent set reply attributes, and such a function refuses
 * plain HTTP.
 */
public class PredictEvents {

    private final PredictionService predictions;

    public PredictEvents(PredictionService predictions) {
        this.predictions = predictions;
    }

    @Funq
    public CloudEvent<PredictResponse> predictEvent(CloudEvent<PredictRequest> event) {
        PredictResponse response = predictions.predict(event.data());
        return EventReplies.reply(event, response.model(), response);
    }
}
