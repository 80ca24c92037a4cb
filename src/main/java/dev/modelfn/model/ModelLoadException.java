package dev.modelfn.model;

/** A model version that must not serve: missing, corrupt, of the wrong type or inconsistent. */
public class ModelLoadException extends Exception {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
