package dev.modelfn.problem;

/** The instance has as much of this work in memory as it may hold: 503, retry after the given seconds. */
public class OverloadedException extends ProblemException {

    public OverloadedException(String type, String detail, long retryAfterSeconds) {
        super(type, "Overloaded", detail, null);
        withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    @Override
    public int status() {
        return 503;
    }
}
