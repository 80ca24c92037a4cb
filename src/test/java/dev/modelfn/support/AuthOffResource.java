package dev.modelfn.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Serves the admin functions without tokens in the packaged application, which runs in the prod profile
 * where they would otherwise need a verification key; the auth tests (dev.modelfn.auth) cover tokens.
 */
public class AuthOffResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("modelfn.auth.enabled", "false");
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
