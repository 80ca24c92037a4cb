package dev.modelfn.health;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.modelfn.registry.ModelRegistry;

/** Up only when every model this instance must serve is loaded; names each model's state. */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    private final ModelRegistry registry;

    public ModelsReadinessCheck(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("models").status(registry.ready());
        for (Map.Entry<String, String> model : registry.status().entrySet()) {
            response.withData(model.getKey(), model.getValue());
        }
        return response.build();
    }
}
