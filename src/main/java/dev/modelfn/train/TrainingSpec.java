package dev.modelfn.train;

import dev.modelfn.model.Task;

/**
 * How to fit a linear SGD model, every value settled.
 *
 * @param objective   logistic | hinge (classification), squared | huber | absolute (regression)
 * @param optimizer   how the weights move; see {@link OptimizerSpec}
 * @param standardize make mean/std-dev standardisation part of the model
 */
public record TrainingSpec(Task task, String objective, OptimizerSpec optimizer, int epochs, int minibatch, long seed,
        boolean standardize) {

    public String describe() {
        return "LinearSGDTrainer(objective=" + objective + ", optimizer=" + optimizer.describe() + ", epochs=" + epochs
                + ", minibatch=" + minibatch + ", seed=" + seed + ")" + (standardize ? " with MeanStdDevTransformation" : "");
    }
}
