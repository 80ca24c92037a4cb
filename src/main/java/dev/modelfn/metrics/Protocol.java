package dev.modelfn.metrics;

/** The wire protocol a prediction arrived by: the {@code protocol} tag of the prediction meters. */
public enum Protocol {
    /** modelfn's own JSON: /predict, GET predict, CloudEvents, Lambda. */
    MODELFN("modelfn"),
    /** The Open Inference Protocol v2 over REST (/v2/models/.../infer). */
    V2_REST("v2-rest"),
    /** The Open Inference Protocol v2 over gRPC (inference.GRPCInferenceService/ModelInfer). */
    V2_GRPC("v2-grpc");

    private final String tag;

    Protocol(String tag) {
        this.tag = tag;
    }

    /** The tag value, as Prometheus shows it. */
    public String tag() {
        return tag;
    }
}
