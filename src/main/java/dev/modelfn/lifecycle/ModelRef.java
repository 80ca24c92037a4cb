package dev.modelfn.lifecycle;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The input of the lifecycle functions: a model and, where it applies, a version. A class with
 * setters rather than a record, so that GET query parameters bind to it too.
 */
@RegisterForReflection
public class ModelRef {

    private String model;
    private String version;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
