package dev.modelfn.problem;

/** The model store cannot be reached or read: 503, worth retrying after {@value #RETRY_AFTER_SECONDS} s. */
public class StoreUnavailableException extends ProblemException {

    /** About one store timeout plus a margin: a store that is back answers the retry. */
    public static final long RETRY_AFTER_SECONDS = 10;

    private final boolean timedOut;

    public StoreUnavailableException(String detail, Throwable cause) {
        this(detail, cause, false);
    }

    private StoreUnavailableException(String detail, Throwable cause, boolean timedOut) {
        super("store-unavailable", "Model store unavailable", detail, cause);
        this.timedOut = timedOut;
        withHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
    }

    /** The store did not answer within its time limit: a store that may not be answering at all. */
    public static StoreUnavailableException timedOut(String detail, Throwable cause) {
        return new StoreUnavailableException(detail, cause, true);
    }

    /** True when the store gave no answer in time, rather than a failing one. */
    public boolean timedOut() {
        return timedOut;
    }

    @Override
    public int status() {
        return 503;
    }
}
