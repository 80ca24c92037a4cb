package dev.modelfn.train;

/**
 * A gradient optimiser and its settings.
 *
 * @param name         adagrad | sgd | rmsprop | adadelta | pegasos
 * @param learningRate step size (adadelta has none and ignores it)
 * @param schedule     sgd only: constant | linear-decay | sqrt-decay
 * @param momentum     sgd only: none | standard | nesterov
 * @param rho          sgd momentum, rmsprop and adadelta decay
 * @param lambda       pegasos regularisation
 */
public record OptimizerSpec(String name, double learningRate, String schedule, String momentum, double rho,
        double lambda) {

    public static OptimizerSpec adagrad(double learningRate) {
        return new OptimizerSpec("adagrad", learningRate, null, null, 0, 0);
    }

    public String describe() {
        return switch (name) {
            case "sgd" -> "sgd(learningRate=" + learningRate + ", schedule=" + schedule + ", momentum=" + momentum
                    + ("none".equals(momentum) ? "" : ", rho=" + rho) + ")";
            case "rmsprop" -> "rmsprop(learningRate=" + learningRate + ", rho=" + rho + ")";
            case "adadelta" -> "adadelta(rho=" + rho + ")";
            case "pegasos" -> "pegasos(learningRate=" + learningRate + ", lambda=" + lambda + ")";
            default -> name + "(learningRate=" + learningRate + ")";
        };
    }
}
