package dev.modelfn.train;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A train call. Only {@code model}, {@code task}, {@code target} and {@code data} are required.
 *
 * @param features    the feature columns; default every column but the target
 * @param standardize make standardisation part of the model (default true)
 * @param holdout     fraction of rows held out for evaluation (default 0.2; 0 evaluates on the training rows)
 * @param promote     serve the new version at once (default true)
 * @param columns     a kind per column name that overrides the detected one (numeric when every non-empty cell
 *                    is a number, else categorical): {@code numeric}, {@code categorical} (one-hot encoded) or
 *                    {@code ignore} (left out), e.g. {@code {"zip": "categorical", "customer_id": "ignore"}}
 */
@RegisterForReflection
public record TrainRequest(String model, String task, String target, Data data, List<String> features,
        TrainerOptions trainer, Boolean standardize, Double holdout, Boolean promote, Map<String, String> columns) {

    /**
     * Exactly one of: a dataset location, CSV text, or rows of column name to value.
     *
     * @param separator the CSV field separator: {@code ","}, {@code ";"}, {@code "\t"} (or {@code "tab"}) or
     *                  {@code "|"}; default: the one the header line uses most
     */
    @RegisterForReflection
    public record Data(String uri, String csv, List<Map<String, Object>> rows, String separator) {
    }

    /** Trainer settings; each is optional. */
    @RegisterForReflection
    public record TrainerOptions(String objective, String optimizer, Double learningRate, Integer epochs,
            Integer minibatch, Long seed, String schedule, String momentum, Double rho, Double lambda) {
    }
}
