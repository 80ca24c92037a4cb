package dev.modelfn.problem;

/** The request is in a format or encoding this function does not read: 415. */
public class UnsupportedMediaException extends ProblemException {

    public UnsupportedMediaException(String type, String detail) {
        super(type, "Unsupported media type", detail, null);
    }

    @Override
    public int status() {
        return 415;
    }
}
