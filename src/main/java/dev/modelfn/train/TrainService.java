package dev.modelfn.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import dev.modelfn.metrics.PredictMetrics;
import dev.modelfn.metrics.TrainMetrics;
import dev.modelfn.model.ModelLoadException;
import dev.modelfn.model.ModelLoader;
import dev.modelfn.model.ServableModel;
import dev.modelfn.model.Task;
import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.ProblemException;
import dev.modelfn.registry.ModelRegistry;
import dev.modelfn.registry.Promoter;
import dev.modelfn.store.ModelStore;
import dev.modelfn.store.Names;

/** Dataset → split → Tribuo trainer → evaluation → new version in the store → (promotion). */
@ApplicationScoped
public class TrainService {

    private static final Logger LOG = Logger.getLogger(TrainService.class);
    private static final double DEFAULT_HOLDOUT = 0.2;

    private final DatasetLoader datasets;
    private final ModelStore store;
    private final ModelPublisher publisher;
    private final Promoter promoter;
    private final ModelRegistry registry;
    private final TrainMetrics metrics;
    private final TrainingSlots slots;

    public TrainService(DatasetLoader datasets, ModelStore store, Promoter promoter, ModelRegistry registry,
            TrainMetrics metrics, TrainingSlots slots) {
        this.datasets = datasets;
        this.store = store;
        this.publisher = new ModelPublisher(store);
        this.promoter = promoter;
        this.registry = registry;
        this.metrics = metrics;
        this.slots = slots;
    }

    private record Fitted(Model<?> model, List<String> outputs, Map<String, Object> metrics,
            Map<String, List<String>> categories) {
    }

    /** Trains, and counts the training by outcome; a refusal carries the model and time into its log line. */
    public TrainResult train(TrainInput input) {
        long start = System.nanoTime();
        try {
            TrainResult result = fit(input);
            metrics.trained(result.model(), result.task(), PredictMetrics.OK, System.nanoTime() - start);
            return result;
        } catch (ProblemException e) {
            failed(input, e.type(), System.nanoTime() - start);
            e.logContext("model=" + servedName(input) + " latencyMs=" + (System.nanoTime() - start) / 1_000_000);
            throw e;
        } catch (RuntimeException e) {
            failed(input, PredictMetrics.INTERNAL_ERROR, System.nanoTime() - start);
            throw e;
        }
    }

    private void failed(TrainInput input, String outcome, long nanos) {
        String task = input == null || input.request() == null || input.request().task() == null ? null
                : switch (input.request().task()) {
                    case "classification", "regression" -> input.request().task();
                    default -> null;
                };
        metrics.trained(servedName(input), task == null ? PredictMetrics.UNKNOWN : task, outcome, nanos);
    }

    /** The model's name when it is served here: a name a failed request made up never becomes a tag. */
    private String servedName(TrainInput input) {
        String name = input == null || input.request() == null ? null : input.request().model();
        return name != null && registry.find(name) != null ? name : PredictMetrics.UNKNOWN;
    }

    private TrainResult fit(TrainInput input) {
        if (input == null) {
            throw new InvalidInputException("empty-body", "The body must be a JSON object with model, task, target and data.");
        }
        if (input.defect() != null) {
            throw input.defect().toProblem();
        }
        TrainRequest request = input.request();
        String name = Names.requireModel(request.model());
        Task task = TrainingSpecs.task(request.task());
        if (request.target() == null || request.target().isBlank()) {
            throw new InvalidInputException("missing-target", "Give 'target': the column to predict.");
        }
        TrainingSpec spec = TrainingSpecs.from(task, request.trainer(), request.standardize());
        double holdout = request.holdout() == null ? DEFAULT_HOLDOUT : request.holdout();
        try (TrainingSlots.Slot slot = slots.acquire()) {
            return fit(request, name, task, spec, holdout, slot);
        }
    }

    private TrainResult fit(TrainRequest request, String name, Task task, TrainingSpec spec, double holdout,
            TrainingSlots.Slot slot) {
        TabularData data = datasets.load(request.data(), request.target(), request.features(), request.columns());
        TrainingMemory.check(data.size(), data.features().size());
        Split split = Split.of(data, task, holdout, spec.seed());
        String source = request.data().uri() != null ? request.data().uri() : "inline";
        Map<String, Double> imputed = Imputation.fill(data, split.train());
        List<String> constant = spec.standardize() ? ConstantColumns.of(data, split.train()) : List.of();
        if (constant.size() == data.features().size()) {
            throw new InvalidInputException("no-varying-features", "Every feature column has one value in all the"
                    + " training rows " + constant + "; a model needs at least one column that varies.")
                    .with("features", constant);
        }
        Set<String> dropped = Set.copyOf(constant);
        long start = System.nanoTime();
        Fitted fitted = slot.timed(() -> task == Task.CLASSIFICATION
                ? classifier(data, split, spec, source, dropped) : regressor(data, split, spec, source, dropped));
        long trainingMillis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> metrics = withDataCounts(fitted.metrics(), data);

        ModelPublisher.Published published = publisher.publish(name, fitted.model(), spec, data.features(),
                new ModelPublisher.Columns(constant, imputed, fitted.categories()), fitted.outputs(), metrics);
        boolean promote = request.promote() == null || request.promote();
        if (promote) {
            promoter.promote(checked(published));
        }
        String version = published.metadata().version();
        LOG.infof("Trained %s version %s (%s) on %d rows in %d ms%s", name, version, task.wireName(),
                split.train().length, trainingMillis, promote ? ", promoted" : "");
        return new TrainResult(name, version, task.wireName(), split.train().length, split.test().length,
                data.features(), constant.isEmpty() ? null : constant,
                fitted.categories().isEmpty() ? null : fitted.categories(), metrics, trainingMillis, store.versionLocation(name, version), promote);
    }

    private static Fitted classifier(TabularData data, Split split, TrainingSpec spec, String source,
            Set<String> dropped) {
        List<String> labels = List.copyOf(new TreeSet<>(List.of(data.targets())));
        if (labels.size() < 2) {
            throw new InvalidInputException("too-few-classes", "Classification needs at least two classes in '"
                    + data.target() + "'; the dataset has " + labels + ".");
        }
        LinearFit<Label> fit = LinearFit.classification(data, split.train(), split.test(), spec, source, dropped);
        fit.trainingData();
        Model<Label> model = fit.fit();
        Map<String, Object> metrics = Evaluations.classification(fit.evaluatedModel(), fit.evaluationData(), labels,
                fit.heldOut() ? "holdout" : "training");
        return new Fitted(model, labels, metrics, fit.categories());
    }

    private static Fitted regressor(TabularData data, Split split, TrainingSpec spec, String source,
            Set<String> dropped) {
        LinearFit<Regressor> fit = LinearFit.regression(data, split.train(), split.test(), spec, source, dropped);
        fit.trainingData();
        Model<Regressor> model = fit.fit();
        Map<String, Object> metrics = Evaluations.regression(fit.evaluatedModel(), fit.evaluationData(),
                fit.heldOut() ? "holdout" : "training");
        return new Fitted(model, List.of(data.target()), metrics, fit.categories());
    }

    /** The evaluation figures, then how many cells were empty per column and how many rows had no target. */
    private static Map<String, Object> withDataCounts(Map<String, Object> evaluation, TabularData data) {
        Map<String, Object> metrics = new LinkedHashMap<>(evaluation);
        Map<String, Integer> missing = Imputation.counts(data);
        if (!missing.isEmpty()) {
            metrics.put("missingValues", missing);
        }
        if (data.rowsWithoutTarget() > 0) {
            metrics.put("rowsWithoutTarget", data.rowsWithoutTarget());
        }
        return metrics;
    }

    /** The version as any instance will load it; a model that would not load is never promoted. */
    private static ServableModel checked(ModelPublisher.Published published) {
        try {
            return ModelLoader.load(published.metadata(), published.bytes());
        } catch (ModelLoadException e) {
            throw new IllegalStateException("A freshly trained model failed its own load check: " + e.getMessage(), e);
        }
    }
}
