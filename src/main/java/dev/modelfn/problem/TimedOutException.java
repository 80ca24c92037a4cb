package dev.modelfn.problem;

/** Work ran over its configured time limit and was abandoned: 503, retry after the given seconds. */
public class TimedOutException extends ProblemException {

    public TimedOutException(String type, String detail, long retryAfterSeconds) {
        super(type, "Timed out", detail, null);
        withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    @Override
    public int status() {
        return 503;
    }
}
