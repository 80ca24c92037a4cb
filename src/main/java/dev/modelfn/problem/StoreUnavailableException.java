package dev.modelfn.problem;

/** The model store cannot be reached or read: 503, worth retrying. */
public class StoreUnavailableException extends ProblemException {

    public StoreUnavailableException(String detail, Throwable cause) {
        super("store-unavailable", "Model store unavailable", detail, cause);
    }

    @Override
    public int status() {
        return 503;
    }
}
