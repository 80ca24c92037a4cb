package dev.modelfn.train;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.model.ModelMetadata;
import dev.modelfn.model.Task;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.store.ModelStore;

/**
 * Regenerates the demo models in {@code models/} from the bundled datasets:
 * {@code ./mvnw -q compile exec:java}. Each run replaces the demo models with one fresh version.
 * Arguments: {@code [storeFolder] [dataFolder]}, by default {@code models} and
 * {@code src/test/resources/data}.
 */
public final class DemoModels {

    static final TrainingSpec IRIS = new TrainingSpec(Task.CLASSIFICATION, "logistic", OptimizerSpec.adagrad(0.5), 100, 1, 42L, true);
    static final TrainingSpec DIABETES = new TrainingSpec(Task.REGRESSION, "squared", OptimizerSpec.adagrad(5.0), 200, 1, 42L, true);

    private DemoModels() {
    }

    public static void main(String[] args) throws IOException {
        Path storeRoot = Path.of(args.length > 0 ? args[0] : "models");
        Path dataRoot = Path.of(args.length > 1 ? args[1] : "src/test/resources/data");
        ModelStore store = new ModelStore(new LocalBlobStore(storeRoot), new ObjectMapper());
        ModelPublisher publisher = new ModelPublisher(store);

        deleteFolder(storeRoot.resolve("iris"));
        TabularData iris = read(dataRoot.resolve("iris.csv"), "species");
        MutableDataset<Label> irisData = TribuoDatasets.classification(iris, TribuoDatasets.all(iris), "iris.csv");
        Model<Label> irisModel = LinearTrainers.classifier(IRIS).train(irisData);
        List<String> labels = List.copyOf(new TreeSet<>(List.of(iris.targets())));
        Map<String, Object> irisMetrics = Evaluations.classification(irisModel, irisData, labels, "training");
        promote(store, publisher.publish("iris", irisModel, IRIS, iris.features(), ModelPublisher.Columns.NONE, labels, irisMetrics));

        deleteFolder(storeRoot.resolve("diabetes"));
        TabularData diabetes = read(dataRoot.resolve("diabetes.csv"), "target");
        MutableDataset<Regressor> diabetesData = TribuoDatasets.regression(diabetes, TribuoDatasets.all(diabetes), "diabetes.csv");
        Model<Regressor> diabetesModel = LinearTrainers.regressor(DIABETES).train(diabetesData);
        Map<String, Object> diabetesMetrics = Evaluations.regression(diabetesModel, diabetesData, "training");
        promote(store, publisher.publish("diabetes", diabetesModel, DIABETES, diabetes.features(), ModelPublisher.Columns.NONE, List.of("target"),
                diabetesMetrics));
    }

    private static TabularData read(Path csv, String target) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CsvTableReader.read(reader, target, null, Integer.MAX_VALUE);
        }
    }

    private static void promote(ModelStore store, ModelPublisher.Published published) {
        ModelMetadata metadata = published.metadata();
        store.setCurrent(metadata.name(), metadata.version());
        System.out.println(metadata.name() + " " + metadata.version() + " " + metadata.metrics());
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
