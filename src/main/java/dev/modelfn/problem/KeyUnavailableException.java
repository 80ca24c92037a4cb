package dev.modelfn.problem;

/**
 * The key that verifies bearer tokens cannot be fetched (its URL does not answer): 503, worth retrying, and no
 * fault of the caller's token.
 */
public class KeyUnavailableException extends ProblemException {

    public KeyUnavailableException(String detail) {
        super("auth-key-unavailable", "Token verification unavailable", detail, null);
        withHeader("Retry-After", "30");
    }

    @Override
    public int status() {
        return 503;
    }
}
