package dev.modelfn.train;

import java.util.List;
import java.util.Locale;

import dev.modelfn.model.Task;
import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.ProblemException;

/** Checks the trainer settings of a train call and fills in the defaults. */
public final class TrainingSpecs {

    static final int DEFAULT_EPOCHS = 20;
    static final long DEFAULT_SEED = 42L;

    private TrainingSpecs() {
    }

    public static Task task(String task) {
        if (task == null) {
            throw new InvalidInputException("missing-task", "Give 'task': classification or regression.");
        }
        return switch (task) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> throw unknown("task", task, List.of("classification", "regression"));
        };
    }

    public static TrainingSpec from(Task task, TrainRequest.TrainerOptions options, Boolean standardize) {
        TrainRequest.TrainerOptions o = options != null ? options
                : new TrainRequest.TrainerOptions(null, null, null, null, null, null, null, null, null, null);
        List<String> objectives = task == Task.CLASSIFICATION ? LinearTrainers.CLASSIFICATION_OBJECTIVES
                : LinearTrainers.REGRESSION_OBJECTIVES;
        String objective = oneOf("objective", o.objective(), objectives.get(0), objectives);
        int epochs = within("epochs", o.epochs(), DEFAULT_EPOCHS, 1, 10_000);
        int minibatch = within("minibatch", o.minibatch(), 1, 1, 100_000);
        long seed = o.seed() == null ? DEFAULT_SEED : o.seed();
        return new TrainingSpec(task, objective, optimizer(task, o), epochs, minibatch, seed,
                standardize == null || standardize);
    }

    private static OptimizerSpec optimizer(Task task, TrainRequest.TrainerOptions o) {
        if (o.optimizer() != null && o.optimizer().toLowerCase(Locale.ROOT).startsWith("adam")) {
            throw (InvalidInputException) new InvalidInputException("unsupported-optimizer",
                    "Adam is not offered: Tribuo 4.3.2's Adam.step multiplies by sqrt(v)+epsilon where it should divide "
                            + "(fixed upstream after 4.3.2). Use one of " + LinearTrainers.OPTIMIZERS + ".")
                    .with("valid", LinearTrainers.OPTIMIZERS);
        }
        String name = oneOf("optimizer", o.optimizer(), "adagrad", LinearTrainers.OPTIMIZERS);
        double defaultRate = task == Task.REGRESSION && name.equals("adagrad") ? 2.0 : 0.5;
        double learningRate = positive("learningRate", o.learningRate(), name.equals("sgd") ? 0.01 : defaultRate);
        String schedule = null;
        String momentum = null;
        double rho = 0;
        double lambda = 0;
        switch (name) {
            case "sgd" -> {
                schedule = oneOf("schedule", o.schedule(), "constant", LinearTrainers.SGD_SCHEDULES);
                momentum = oneOf("momentum", o.momentum(), "none", LinearTrainers.SGD_MOMENTUM);
                rho = fraction("rho", o.rho(), 0.9);
            }
            case "rmsprop" -> rho = fraction("rho", o.rho(), 0.9);
            case "adadelta" -> rho = fraction("rho", o.rho(), 0.95);
            case "pegasos" -> lambda = positive("lambda", o.lambda(), 0.01);
            default -> {
                // adagrad needs nothing more
            }
        }
        return new OptimizerSpec(name, learningRate, schedule, momentum, rho, lambda);
    }

    private static String oneOf(String what, String value, String fallback, List<String> valid) {
        if (value == null) {
            return fallback;
        }
        if (!valid.contains(value)) {
            throw unknown(what, value, valid);
        }
        return value;
    }

    private static int within(String what, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new InvalidInputException("invalid-trainer-setting",
                    "'trainer." + what + "' must be from " + min + " to " + max + ".");
        }
        return value;
    }

    private static double positive(String what, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidInputException("invalid-trainer-setting", "'trainer." + what + "' must be a positive number.");
        }
        return value;
    }

    private static double fraction(String what, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0 && value < 1)) {
            throw new InvalidInputException("invalid-trainer-setting", "'trainer." + what + "' must be between 0 and 1.");
        }
        return value;
    }

    private static ProblemException unknown(String what, String value, List<String> valid) {
        return new InvalidInputException("unknown-" + what, "Unknown " + what + " '" + value + "'; valid: " + valid + ".")
                .with("valid", valid);
    }
}
