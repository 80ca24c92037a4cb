package dev.modelfn.predict;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.metrics.PredictMetrics;
import dev.modelfn.metrics.Protocol;
import dev.modelfn.model.Explain;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.model.FeaturePolicy;
import dev.modelfn.model.ServableModel;
import dev.modelfn.model.UnseenCategories;
import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.ProblemException;
import dev.modelfn.problem.TooLargeException;
import dev.modelfn.registry.ModelRegistry;
import dev.modelfn.store.Names;

/**
 * Checks a predict request against the limits and the served models, then asks the model. Every call is
 * counted by outcome; a refusal carries the model, version, rows and latency into its one log line.
 */
@ApplicationScoped
public class PredictionService {

    private final ModelRegistry registry;
    private final PredictMetrics metrics;
    private final FeaturePolicy policy;
    private final int maxRows;

    public PredictionService(ModelRegistry registry, PredictMetrics metrics, ModelfnConfig config) {
        this.registry = registry;
        this.metrics = metrics;
        this.policy = new FeaturePolicy(
                config.predict().unknownFeatures() == ModelfnConfig.UnknownFeatures.IGNORE,
                config.predict().missingFeatures() == ModelfnConfig.MissingFeatures.ALLOW);
        this.maxRows = config.predict().maxRows();
    }

    public PredictResponse predict(PredictRequest request) {
        return predict(request, Protocol.MODELFN);
    }

    /** {@link #predict(PredictRequest)} for a request that arrived by {@code protocol}, which tags its metrics. */
    public PredictResponse predict(PredictRequest request, Protocol protocol) {
        long start = System.nanoTime();
        try {
            Checked checked = check(request);
            ServableModel model = checked.model();
            PredictResponse response = new PredictResponse(model.name(), model.version(),
                    model.predict(checked.rows(), policy, unseenOf(model), request.explain()));
            metrics.succeeded(model, protocol, checked.rows().size(), System.nanoTime() - start);
            return response;
        } catch (ProblemException e) {
            ServableModel model = servedModelOf(request);
            metrics.failed(model, protocol, e.type());
            e.logContext(logContext(request, model, System.nanoTime() - start));
            throw e;
        } catch (RuntimeException e) {
            metrics.failed(servedModelOf(request), protocol, PredictMetrics.INTERNAL_ERROR);
            throw e;
        }
    }

    /**
     * Predicts for a surface whose rows depend on the model, such as the Open Inference Protocol's tensors,
     * whose columns follow the model's feature order: {@code rows} turns the served model into the rows to
     * predict, explained when {@code explain} is not null. The model lookup, the limits, the model call, the metrics and the log line are predict's own.
     */
    public PredictResponse predict(String model, String version, Function<ServableModel, List<FeatureRow>> rows,
            Explain explain, Protocol protocol) {
        long start = System.nanoTime();
        ServableModel served = null;
        List<FeatureRow> read = null;
        try {
            served = registry.require(Names.requireModel(model), version == null ? null : Names.requireVersion(version));
            read = rows.apply(served);
            requireRowCount(read.size());
            PredictResponse response = new PredictResponse(served.name(), served.version(),
                    served.predict(read, policy, unseenOf(served), explain));
            metrics.succeeded(served, protocol, read.size(), System.nanoTime() - start);
            return response;
        } catch (ProblemException e) {
            ServableModel named = served != null ? served : model == null ? null : registry.find(model);
            metrics.failed(named, protocol, e.type());
            e.logContext(logContext(named, read == null ? "-" : Integer.toString(read.size()), System.nanoTime() - start));
            throw e;
        } catch (RuntimeException e) {
            metrics.failed(served != null ? served : model == null ? null : registry.find(model), protocol,
                    PredictMetrics.INTERNAL_ERROR);
            throw e;
        }
    }

    /** Counts unseen categories for a model that has categorical features; nothing to do for one without. */
    private UnseenCategories unseenOf(ServableModel model) {
        return model.metadata().categories() == null ? UnseenCategories.NONE
                : (feature, rows) -> metrics.unseenCategories(model, feature, rows);
    }

    private ServableModel servedModelOf(PredictRequest request) {
        return request == null || request.model() == null ? null : registry.find(request.model());
    }

    /** Names and counts only: the request's feature values stay out of the log. */
    private static String logContext(PredictRequest request, ServableModel model, long nanos) {
        // a defective body was not read to its end: its row count is unknown
        String rows = request == null ? "0" : request.features() != null ? "1"
                : request.rows() != null ? Integer.toString(request.rows().size()) : "-";
        return logContext(model, rows, nanos);
    }

    private static String logContext(ServableModel model, String rows, long nanos) {
        return "model=" + (model == null ? PredictMetrics.UNKNOWN : model.name())
                + " version=" + (model == null ? "-" : model.version())
                + " rows=" + rows
                + " latencyMs=" + String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** The served model and the rows of a request that passed every check predict makes before the model runs. */
    record Checked(ServableModel model, List<FeatureRow> rows) {
    }

    Checked check(PredictRequest request) {
        if (request == null) {
            throw new InvalidInputException("empty-body",
                    "The body must be a JSON object with 'model' and either 'features' or 'rows'.");
        }
        if (request.defect() != null) {
            throw request.defect().toProblem();
        }
        String name = Names.requireModel(request.model());
        if (request.version() != null) {
            Names.requireVersion(request.version());
        }
        List<FeatureRow> rows = rows(request);
        ServableModel model = registry.require(name, request.version());
        model.checkValueKinds(rows);
        return new Checked(model, rows);
    }

    private List<FeatureRow> rows(PredictRequest request) {
        if (request.features() != null && request.rows() != null) {
            throw new InvalidInputException("ambiguous-rows", "Give either 'features' (one row) or 'rows' (a batch), not both.");
        }
        if (request.features() != null) {
            return List.of(request.features());
        }
        if (request.rows() == null) {
            throw new InvalidInputException("missing-rows", "Give 'features' (one row) or 'rows' (a batch).");
        }
        if (request.rows().isEmpty()) {
            throw new InvalidInputException("empty-batch", "'rows' is empty; send at least one row.");
        }
        requireRowCount(request.rows().size());
        return request.rows();
    }

    private void requireRowCount(int rows) {
        if (rows == 0) {
            throw new InvalidInputException("empty-batch", "The request has no rows; send at least one.");
        }
        if (rows > maxRows) {
            throw new TooLargeException("too-many-rows", "The batch has " + rows
                    + " rows; at most " + maxRows + " are allowed (modelfn.predict.max-rows).")
                    .with("maxRows", maxRows);
        }
    }
}
