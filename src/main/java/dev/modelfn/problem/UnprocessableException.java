package dev.modelfn.problem;

/** The named thing exists but must not be used, e.g. a model version that fails its checks: 422. */
public class UnprocessableException extends ProblemException {

    public UnprocessableException(String type, String detail) {
        super(type, "Unprocessable", detail, null);
    }

    @Override
    public int status() {
        return 422;
    }
}
