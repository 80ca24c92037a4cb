package dev.modelfn.train;

import java.util.List;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.RegressionObjective;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import dev.modelfn.problem.InvalidInputException;

/** Builds the Tribuo trainer a {@link TrainingSpec} describes. */
public final class LinearTrainers {

    private static final int NO_LOGGING = Integer.MAX_VALUE;

    private LinearTrainers() {
    }

    public static Trainer<Label> classifier(TrainingSpec spec) {
        LabelObjective objective = switch (spec.objective()) {
            case "logistic" -> new LogMulticlass();
            case "hinge" -> new Hinge();
            default -> throw unknown("objective", spec.objective(), List.of("logistic", "hinge"));
        };
        return standardized(new org.tribuo.classification.sgd.linear.LinearSGDTrainer(objective, optimiser(spec),
                spec.epochs(), NO_LOGGING, spec.minibatch(), spec.seed()), spec);
    }

    public static Trainer<Regressor> regressor(TrainingSpec spec) {
        RegressionObjective objective = switch (spec.objective()) {
            case "squared" -> new SquaredLoss();
            case "huber" -> new Huber();
            case "absolute" -> new AbsoluteLoss();
            default -> throw unknown("objective", spec.objective(), List.of("squared", "huber", "absolute"));
        };
        return standardized(new org.tribuo.regression.sgd.linear.LinearSGDTrainer(objective, optimiser(spec),
                spec.epochs(), NO_LOGGING, spec.minibatch(), spec.seed()), spec);
    }

    private static StochasticGradientOptimiser optimiser(TrainingSpec spec) {
        return switch (spec.optimizer()) {
            case "adagrad" -> new AdaGrad(spec.learningRate(), 0.1);
            case "sgd" -> SGD.getSimpleSGD(spec.learningRate());
            default -> throw unknown("optimizer", spec.optimizer(), List.of("adagrad", "sgd"));
        };
    }

    private static <T extends org.tribuo.Output<T>> Trainer<T> standardized(Trainer<T> trainer, TrainingSpec spec) {
        if (!spec.standardize()) {
            return trainer;
        }
        return new TransformTrainer<>(trainer, new TransformationMap(List.of(new MeanStdDevTransformation())));
    }

    private static InvalidInputException unknown(String what, String value, List<String> valid) {
        return (InvalidInputException) new InvalidInputException("unknown-" + what,
                "Unknown " + what + " '" + value + "'; valid: " + valid + ".").with("valid", valid);
    }
}
