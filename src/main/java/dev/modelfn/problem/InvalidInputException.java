package dev.modelfn.problem;

/** The request itself is wrong (syntax, types, values, shape): 400. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String type, String detail) {
        super(type, "Invalid input", detail, null);
    }

    @Override
    public int status() {
        return 400;
    }
}
