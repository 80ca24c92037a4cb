package dev.modelfn.problem;

/** The caller is known but may not call this function, or the function is disabled here: 403. */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String type, String detail) {
        super(type, "Forbidden", detail, null);
    }

    @Override
    public int status() {
        return 403;
    }
}
