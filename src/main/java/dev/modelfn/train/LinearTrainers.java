package dev.modelfn.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaDelta;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.RegressionObjective;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Builds the Tribuo trainer a {@link TrainingSpec} describes. The lists below are everything the
 * train function offers; the native-image metadata and its test are derived from them.
 */
public final class LinearTrainers {

    public static final List<String> CLASSIFICATION_OBJECTIVES = List.of("logistic", "hinge");
    public static final List<String> REGRESSION_OBJECTIVES = List.of("squared", "huber", "absolute");
    public static final List<String> OPTIMIZERS = List.of("adagrad", "sgd", "rmsprop", "adadelta", "pegasos");
    public static final List<String> SGD_SCHEDULES = List.of("constant", "linear-decay", "sqrt-decay");
    public static final List<String> SGD_MOMENTUM = List.of("none", "standard", "nesterov");

    private static final int NO_LOGGING = Integer.MAX_VALUE;

    private LinearTrainers() {
    }

    public static Trainer<Label> classifier(TrainingSpec spec) {
        return classifier(spec, null);
    }

    /**
     * @param standardised the features standardisation applies to, or null for every feature; a model with
     *                     categorical features standardises only its numeric ones, never the 0/1 indicators
     */
    public static Trainer<Label> classifier(TrainingSpec spec, List<String> standardised) {
        return standardized(unstandardisedClassifier(spec), spec, standardised);
    }

    /** The classifier {@link #classifier(TrainingSpec, List)} standardises around: the SGD trainer alone. */
    static Trainer<Label> unstandardisedClassifier(TrainingSpec spec) {
        LabelObjective objective = switch (spec.objective()) {
            case "logistic" -> new LogMulticlass();
            case "hinge" -> new Hinge();
            default -> throw new IllegalArgumentException("classification objective " + spec.objective());
        };
        return new org.tribuo.classification.sgd.linear.LinearSGDTrainer(objective,
                optimiser(spec.optimizer()), spec.epochs(), NO_LOGGING, spec.minibatch(), spec.seed());
    }

    public static Trainer<Regressor> regressor(TrainingSpec spec) {
        return regressor(spec, null);
    }

    /** @param standardised as for {@link #classifier(TrainingSpec, List)} */
    public static Trainer<Regressor> regressor(TrainingSpec spec, List<String> standardised) {
        return standardized(unstandardisedRegressor(spec), spec, standardised);
    }

    /** The regressor {@link #regressor(TrainingSpec, List)} standardises around: the SGD trainer alone. */
    static Trainer<Regressor> unstandardisedRegressor(TrainingSpec spec) {
        RegressionObjective objective = switch (spec.objective()) {
            case "squared" -> new SquaredLoss();
            case "huber" -> new Huber();
            case "absolute" -> new AbsoluteLoss();
            default -> throw new IllegalArgumentException("regression objective " + spec.objective());
        };
        return new org.tribuo.regression.sgd.linear.LinearSGDTrainer(objective,
                optimiser(spec.optimizer()), spec.epochs(), NO_LOGGING, spec.minibatch(), spec.seed());
    }

    static StochasticGradientOptimiser optimiser(OptimizerSpec spec) {
        return switch (spec.name()) {
            case "adagrad" -> new AdaGrad(spec.learningRate(), 0.1);
            case "sgd" -> sgd(spec);
            case "rmsprop" -> new RMSProp(spec.learningRate(), spec.rho());
            case "adadelta" -> new AdaDelta(spec.rho(), 1e-6);
            case "pegasos" -> new Pegasos(spec.learningRate(), spec.lambda());
            default -> throw new IllegalArgumentException("optimizer " + spec.name());
        };
    }

    private static SGD sgd(OptimizerSpec spec) {
        SGD.Momentum momentum = switch (spec.momentum()) {
            case "none" -> SGD.Momentum.NONE;
            case "standard" -> SGD.Momentum.STANDARD;
            case "nesterov" -> SGD.Momentum.NESTEROV;
            default -> throw new IllegalArgumentException("momentum " + spec.momentum());
        };
        return switch (spec.schedule()) {
            case "constant" -> SGD.getSimpleSGD(spec.learningRate(), spec.rho(), momentum);
            case "linear-decay" -> SGD.getLinearDecaySGD(spec.learningRate(), spec.rho(), momentum);
            case "sqrt-decay" -> SGD.getSqrtDecaySGD(spec.learningRate(), spec.rho(), momentum);
            default -> throw new IllegalArgumentException("schedule " + spec.schedule());
        };
    }

    private static <T extends Output<T>> Trainer<T> standardized(Trainer<T> trainer, TrainingSpec spec,
            List<String> standardised) {
        TransformationMap transformations = spec.standardize() ? transformations(standardised) : null;
        return transformations == null ? trainer : new TransformTrainer<>(trainer, transformations);
    }

    /**
     * The mean/std-dev standardisation of {@code standardised} (null: every feature), or null for an empty list:
     * a model with categorical features standardises only its numeric ones, and with none of those, nothing.
     */
    static TransformationMap transformations(List<String> standardised) {
        if (standardised != null && standardised.isEmpty()) {
            return null;
        }
        if (standardised == null) {
            return new TransformationMap(List.of(new MeanStdDevTransformation()));
        }
        Map<String, List<Transformation>> byFeature = new LinkedHashMap<>();
        for (String feature : standardised) {
            byFeature.put(feature, List.of(new MeanStdDevTransformation()));
        }
        return new TransformationMap(byFeature);
    }
}
