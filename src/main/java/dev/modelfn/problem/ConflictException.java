package dev.modelfn.problem;

/** The request is valid but clashes with the state of the store: 409. */
public class ConflictException extends ProblemException {

    public ConflictException(String type, String detail) {
        super(type, "Conflict", detail, null);
    }

    @Override
    public int status() {
        return 409;
    }
}
