package dev.modelfn.problem;

/** The request is over a configured limit: 413. */
public class TooLargeException extends ProblemException {

    public TooLargeException(String type, String detail) {
        super(type, "Request too large", detail, null);
    }

    @Override
    public int status() {
        return 413;
    }
}
