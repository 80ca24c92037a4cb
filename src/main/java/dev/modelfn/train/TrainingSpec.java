package dev.modelfn.train;

import dev.modelfn.model.Task;

/**
 * How to fit a linear SGD model.
 *
 * @param objective   logistic | hinge (classification), squared | huber | absolute (regression)
 * @param optimizer   adagrad | sgd
 * @param standardize make mean/std-dev standardisation part of the model
 */
public record TrainingSpec(Task task, String objective, String optimizer, double learningRate, int epochs,
        int minibatch, long seed, boolean standardize) {

    public String describe() {
        return "LinearSGDTrainer(objective=" + objective + ", optimizer=" + optimizer + ", learningRate=" + learningRate
                + ", epochs=" + epochs + ", minibatch=" + minibatch + ", seed=" + seed + ")"
                + (standardize ? " with MeanStdDevTransformation" : "");
    }
}
