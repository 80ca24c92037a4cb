package dev.modelfn.problem;

/** The function is not served with this HTTP method: 405, with the methods it takes in {@code Allow}. */
public class MethodNotAllowedException extends ProblemException {

    public MethodNotAllowedException(String allowed, String detail) {
        super("method-not-allowed", "Method not allowed", detail, null);
        withHeader("Allow", allowed);
    }

    @Override
    public int status() {
        return 405;
    }
}
