package dev.modelfn.problem;

/** The model, version or object the request names does not exist: 404. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String type, String detail) {
        super(type, "Not found", detail, null);
    }

    @Override
    public int status() {
        return 404;
    }
}
