package dev.modelfn.events;

import dev.modelfn.train.TrainInput;
import dev.modelfn.train.TrainResult;
import dev.modelfn.train.TrainService;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;

/** The train function as a CloudEvents recipient: {@code modelfn.train} in, {@code modelfn.trained} out. */
public class TrainEvents {

    private final TrainService training;

    public TrainEvents(TrainService training) {
        this.training = training;
    }

    @Funq
    public CloudEvent<TrainResult> trainEvent(CloudEvent<TrainInput> event) {
        TrainResult result = training.train(event.data());
        return EventReplies.reply(event, result.model(), result);
    }
}
