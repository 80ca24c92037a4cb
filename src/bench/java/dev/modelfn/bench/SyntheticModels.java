package dev.modelfn.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tribuo.Model;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.model.Checksums;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.model.ModelLoadException;
import dev.modelfn.model.ModelLoader;
import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.ServableModel;
import dev.modelfn.model.Task;
import dev.modelfn.train.LinearTrainers;
import dev.modelfn.train.OptimizerSpec;
import dev.modelfn.train.TabularData;
import dev.modelfn.train.TrainingSpec;
import dev.modelfn.train.TribuoDatasets;
import io.smallrye.config.SmallRyeConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Standardised logistic SGD classifiers over any number of features, trained on random rows and loaded
 * through the same checks as a stored model, so a benchmark can pick its width.
 */
final class SyntheticModels {

    static final List<String> LABELS = List.of("a", "b", "c");
    private static final TrainingSpec SPEC = new TrainingSpec(Task.CLASSIFICATION, "logistic",
            OptimizerSpec.adagrad(0.5), 5, 1, 42L, true);

    private SyntheticModels() {
    }

    static List<String> features(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(String.format("feature_%02d", i));
        }
        return names;
    }

    static ServableModel classifier(String name, int featureCount) throws ModelLoadException {
        List<String> features = features(featureCount);
        Random random = new Random(7);
        double[][] rows = new double[600][];
        String[] targets = new String[rows.length];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = randomRow(random, featureCount);
            targets[r] = LABELS.get(Math.floorMod((int) Math.floor(rows[r][0] + rows[r][featureCount - 1]), 3));
        }
        TabularData data = new TabularData(features, "label", rows, targets, null);
        Model<Label> model = LinearTrainers.classifier(SPEC).train(
                TribuoDatasets.classification(data, TribuoDatasets.all(data), "synthetic"));
        byte[] bytes = model.serialize().toByteArray();
        ModelMetadata metadata = new ModelMetadata(name, "bench", Task.CLASSIFICATION, features, LABELS,
                "probabilities", Map.of(), Instant.now().toString(), Checksums.sha256(bytes), Tribuo.VERSION,
                SPEC.describe(), true);
        return ModelLoader.load(metadata, bytes);
    }

    static List<FeatureRow> requestRows(int count, int featureCount, long seed) {
        Random random = new Random(seed);
        List<String> features = features(featureCount);
        List<FeatureRow> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            double[] values = randomRow(random, featureCount);
            FeatureRow row = new FeatureRow(featureCount);
            for (int f = 0; f < featureCount; f++) {
                row.add(features.get(f), values[f]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static double[] randomRow(Random random, int featureCount) {
        double[] row = new double[featureCount];
        for (int f = 0; f < featureCount; f++) {
            row[f] = random.nextGaussian() * 2;
        }
        return row;
    }

    /** Every setting at its default, built by SmallRye as Quarkus builds it, whatever settings are added later. */
    static ModelfnConfig config() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ModelfnConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter()).build();
        return config.getConfigMapping(ModelfnConfig.class);
    }
}
