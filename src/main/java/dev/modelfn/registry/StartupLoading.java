package dev.modelfn.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Loads every model to serve at its current version when the function starts; nothing else. */
@ApplicationScoped
public class StartupLoading {

    private final Reloader reloader;
    private final ModelRegistry registry;

    public StartupLoading(Reloader reloader, ModelRegistry registry) {
        this.reloader = reloader;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        reloader.reloadAll();
        registry.markStarted();
    }
}
