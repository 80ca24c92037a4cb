package dev.modelfn.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Tells in {@code /q/health} whether the admin functions are open, and the profile that decided it, so an
 * instance deployed with the dev profile or {@code modelfn.auth.enabled=false} is seen. Always UP: how the
 * functions are guarded is no reason to restart an instance or take it out of service.
 */
@Liveness
@ApplicationScoped
public class AuthCheck implements HealthCheck {

    private final AccessPolicy policy;

    public AuthCheck(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("auth").up()
                .withData("adminOpen", policy.adminOpen())
                .withData("admin", policy.adminAccess())
                .withData("profile", String.join(",", ConfigUtils.getProfiles()))
                .build();
    }
}
