package dev.modelfn.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.tribuo.Model;

import dev.modelfn.model.Task;
import dev.modelfn.train.LinearFit;
import dev.modelfn.train.LinearTrainers;
import dev.modelfn.train.OptimizerSpec;
import dev.modelfn.train.TabularData;
import dev.modelfn.train.TrainingSpec;
import dev.modelfn.train.TribuoDatasets;

/**
 * One saved model of every configuration the product can train (every objective, with and without
 * standardisation, under every optimiser, SGD schedule and momentum that {@link LinearTrainers}
 * offers), and every model file checked into the repository. The objective and optimiser classes
 * appear only in a model's trainer provenance, so each configuration is trained once, on a few rows.
 */
final class ProductModels {

    private static final List<Path> REPO_MODEL_FOLDERS = List.of(Path.of("models"), Path.of("src/test/resources"));

    private static final TabularData CLASSES = new TabularData(List.of("x", "y"), "class",
            new double[][] { { 0, 1 }, { 1, 0 }, { 2, 2 }, { 0, 2 }, { 1, 1 }, { 2, 0 } },
            new String[] { "a", "b", "c", "a", "b", "c" }, null);
    private static final TabularData VALUES = new TabularData(List.of("x", "y"), "value",
            new double[][] { { 0, 1 }, { 1, 0 }, { 2, 2 }, { 0, 2 } },
            new String[] { "1", "2", "6", "2" }, new double[] { 1, 2, 6, 2 });

    /** With a categorical column {@code c}: standardisation then applies to {@code x} alone, feature by feature. */
    private static final TabularData CATEGORICAL_CLASSES = new TabularData(List.of("x", "c"), "class",
            new double[][] { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 0, 1 }, { 1, 0 }, { 2, Double.NaN } },
            new String[] { "a", "b", "c", "a", "b", "c" }, null, new int[2], 0,
            java.util.Arrays.asList(null, List.of("p", "q", "r")));
    private static final TabularData CATEGORICAL_VALUES = new TabularData(List.of("x", "c"), "value",
            new double[][] { { 0, 0 }, { 1, 1 }, { 2, 0 }, { 0, 1 } },
            new String[] { "1", "2", "6", "2" }, new double[] { 1, 2, 6, 2 }, new int[2], 0,
            java.util.Arrays.asList(null, List.of("p", "q")));

    // Tribuo logs two INFO lines per training run; a hundred runs would bury the build output.
    private static final Logger TRAINER_LOG = Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer");

    private ProductModels() {
    }

    /** Saved bytes of one model per trainable configuration, by {@link TrainingSpec#describe()}. */
    static Map<String, byte[]> trainable() {
        TRAINER_LOG.setLevel(Level.WARNING);
        Map<String, byte[]> models = new LinkedHashMap<>();
        for (TrainingSpec spec : configurations()) {
            Model<?> model = switch (spec.task()) {
                case CLASSIFICATION -> trained(LinearFit.classification(copy(CLASSES), TribuoDatasets.all(CLASSES),
                        new int[0], spec, "classes", java.util.Set.of()));
                case REGRESSION -> trained(LinearFit.regression(copy(VALUES), TribuoDatasets.all(VALUES), new int[0],
                        spec, "values", java.util.Set.of()));
            };
            models.put(spec.task().wireName() + " " + spec.describe(), model.serialize().toByteArray());
        }
        for (TrainingSpec spec : categoricalConfigurations()) {
            // what categorical columns add: a per-feature transformation map (objectives and optimisers are as above)
            Model<?> model = switch (spec.task()) {
                case CLASSIFICATION -> trained(LinearFit.classification(copy(CATEGORICAL_CLASSES),
                        TribuoDatasets.all(CATEGORICAL_CLASSES), new int[0], spec, "categorical", java.util.Set.of()));
                case REGRESSION -> trained(LinearFit.regression(copy(CATEGORICAL_VALUES),
                        TribuoDatasets.all(CATEGORICAL_VALUES), new int[0], spec, "categorical", java.util.Set.of()));
            };
            models.put(spec.task().wireName() + " categorical " + spec.describe(), model.serialize().toByteArray());
        }
        return models;
    }

    /** Trained as the train function trains: a standardised model standardises the table it is given. */
    private static Model<?> trained(LinearFit<?> fit) {
        fit.trainingData();
        return fit.fit();
    }

    /** The table with rows of its own, since training may standardise them in place. */
    private static TabularData copy(TabularData table) {
        double[][] rows = new double[table.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = table.rows()[i].clone();
        }
        return new TabularData(table.features(), table.target(), rows, table.targets(), table.numericTargets(),
                table.missing(), table.rowsWithoutTarget(), table.categories());
    }

    static List<TrainingSpec> configurations() {
        List<TrainingSpec> specs = new ArrayList<>();
        for (OptimizerSpec optimizer : optimizers()) {
            for (boolean standardize : new boolean[] { false, true }) {
                for (String objective : LinearTrainers.CLASSIFICATION_OBJECTIVES) {
                    specs.add(new TrainingSpec(Task.CLASSIFICATION, objective, optimizer, 1, 1, 1L, standardize));
                }
                for (String objective : LinearTrainers.REGRESSION_OBJECTIVES) {
                    specs.add(new TrainingSpec(Task.REGRESSION, objective, optimizer, 1, 1, 1L, standardize));
                }
            }
        }
        return specs;
    }

    /** The standardised configurations of one optimiser again, on a table with a categorical column. */
    static List<TrainingSpec> categoricalConfigurations() {
        return configurations().stream().filter(s -> s.standardize() && s.optimizer().name().equals("adagrad")).toList();
    }

    private static List<OptimizerSpec> optimizers() {
        List<OptimizerSpec> optimizers = new ArrayList<>();
        for (String name : LinearTrainers.OPTIMIZERS) {
            if (!name.equals("sgd")) {
                optimizers.add(new OptimizerSpec(name, 0.1, null, null, 0.9, 0.01));
                continue;
            }
            for (String schedule : LinearTrainers.SGD_SCHEDULES) {
                for (String momentum : LinearTrainers.SGD_MOMENTUM) {
                    optimizers.add(new OptimizerSpec(name, 0.1, schedule, momentum, 0.9, 0.01));
                }
            }
        }
        return optimizers;
    }

    /** Every {@code model.tribuo} in the repository (demo models and test fixtures), by path. */
    static Map<String, byte[]> inRepository() {
        Map<String, byte[]> models = new LinkedHashMap<>();
        for (Path folder : REPO_MODEL_FOLDERS) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".tribuo")).sorted().toList()) {
                    models.put(file.toString(), Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return models;
    }
}
