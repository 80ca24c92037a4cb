package dev.modelfn.problem;

/** The instance is busy with as much of this work as it is allowed: 429, retry after the given seconds. */
public class TooManyRequestsException extends ProblemException {

    public TooManyRequestsException(String type, String detail, long retryAfterSeconds) {
        super(type, "Too many requests", detail, null);
        withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    @Override
    public int status() {
        return 429;
    }
}
