package dev.modelfn.train;

import io.quarkus.funqy.Funq;

/** The train function: POST /train. */
public class TrainFunctions {

    private final TrainService training;

    public TrainFunctions(TrainService training) {
        this.training = training;
    }

    @Funq
    public TrainResult train(TrainInput input) {
        return training.train(input);
    }
}
