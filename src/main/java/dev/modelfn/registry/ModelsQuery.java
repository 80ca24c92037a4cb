package dev.modelfn.registry;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Optional filter of the {@code models} function; a class with a setter so GET query parameters bind. */
@RegisterForReflection
public class ModelsQuery {

    private String model;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }
}
