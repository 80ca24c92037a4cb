package dev.modelfn.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import dev.modelfn.registry.ModelRegistry;

/** Up once startup loading has run, whatever its outcome; readiness tells the outcome. */
@Startup
@ApplicationScoped
public class ModelsStartedCheck implements HealthCheck {

    private final ModelRegistry registry;

    public ModelsStartedCheck(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("model-loading").status(registry.started()).build();
    }
}
