package dev.modelfn.train;

import dev.modelfn.lambda.LogsLambdaFailures;
import io.quarkus.funqy.Funq;

/** The train function: POST /train over HTTP, and the function of a second Lambda (QUARKUS_FUNQY_EXPORT=train). */
public class TrainFunctions {

    private final TrainService training;

    public TrainFunctions(TrainService training) {
        this.training = training;
    }

    @Funq
    @LogsLambdaFailures
    public TrainResult train(TrainInput input) {
        return training.train(input);
    }
}
