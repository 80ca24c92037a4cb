package dev.modelfn.metrics;

/** Meter and tag names; docs/observability.md lists them as Prometheus shows them. */
final class Names {

    static final String PREDICTIONS = "modelfn.predictions";
    static final String PREDICTION_DURATION = "modelfn.prediction.duration";
    static final String PREDICTION_ROWS = "modelfn.prediction.rows";
    static final String TRAINING_DURATION = "modelfn.training.duration";
    static final String MODEL_LOADS = "modelfn.model.loads";
    static final String MODEL_LOADED = "modelfn.model.loaded";
    static final String UNSEEN_CATEGORIES = "modelfn.unseen.categories";

    static final String MODEL = "model";
    static final String VERSION = "version";
    static final String OUTCOME = "outcome";
    static final String PROTOCOL = "protocol";
    static final String TASK = "task";
    static final String FEATURE = "feature";

    private Names() {
    }
}
