package dev.modelfn.predict;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.metrics.PredictMetrics;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.model.FeaturePolicy;
import dev.modelfn.model.ServableModel;
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
        long start = System.nanoTime();
        try {
            Checked checked = check(request);
            ServableModel model = checked.model();
            PredictResponse response = new PredictResponse(model.name(), model.version(), model.predict(checked.rows(), policy));
            metrics.succeeded(model, checked.rows().size(), System.nanoTime() - start);
            return response;
        } catch (ProblemException e) {
            ServableModel model = servedModelOf(request);
            metrics.failed(model, e.type());
            e.logContext(logContext(request, model, System.nanoTime() - start));
            throw e;
        } catch (RuntimeException e) {
            metrics.failed(servedModelOf(request), PredictMetrics.INTERNAL_ERROR);
            throw e;
        }
    }

    private ServableModel servedModelOf(PredictRequest request) {
        return request == null || request.model() == null ? null : registry.find(request.model());
    }

    /** Names and counts only: the request's feature values stay out of the log. */
    private static String logContext(PredictRequest request, ServableModel model, long nanos) {
        // a defective body was not read to its end: its row count is unknown
        String rows = request == null ? "0" : request.features() != null ? "1"
                : request.rows() != null ? Integer.toString(request.rows().size()) : "-";
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
        return new Checked(registry.require(name, request.version()), rows);
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
        if (request.rows().size() > maxRows) {
            throw new TooLargeException("too-many-rows", "The batch has " + request.rows().size()
                    + " rows; at most " + maxRows + " are allowed (modelfn.predict.max-rows).")
                    .with("maxRows", maxRows);
        }
        return request.rows();
    }
}
