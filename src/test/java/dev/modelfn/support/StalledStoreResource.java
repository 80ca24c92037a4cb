package dev.modelfn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * {@link S3StoreResource} (seeded with the demo models) reached through a {@link StallingProxy}, which is
 * injected into the test's {@code StallingProxy} field. Init arg {@code stalled=true} has it stalled from the
 * start, so that the application boots against a store that does not answer; {@code models=...} sets
 * {@code modelfn.models}.
 */
public class StalledStoreResource implements QuarkusTestResourceLifecycleManager {

    private final S3StoreResource store = new S3StoreResource();
    private StallingProxy proxy;
    private boolean stalled;
    private String models;

    @Override
    public void init(Map<String, String> initArgs) {
        store.init(Map.of("seed", "true"));
        stalled = Boolean.parseBoolean(initArgs.getOrDefault("stalled", "false"));
        models = initArgs.get("models");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(store.start());
        try {
            proxy = new StallingProxy(S3TestServer.endpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        proxy.stall(stalled);
        config.put("quarkus.s3.endpoint-override", proxy.endpoint().toString());
        if (models != null) {
            config.put("modelfn.models", models);
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(StallingProxy.class));
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException ignored) {
            // the test run is over
        }
    }
}
