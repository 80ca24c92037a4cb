package dev.modelfn.metrics;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Model loads from the store (loaded or failed) and, per model, the version this instance serves: one
 * gauge of value 1 tagged with the served version, replaced at every swap, so a dashboard can show which
 * version each instance serves and when it changed.
 */
@ApplicationScoped
public class ModelMetrics {

    public static final String LOADED = "loaded";
    public static final String FAILED = "failed";

    private final MeterRegistry meters;
    private final Map<String, Gauge> served = new HashMap<>();

    public ModelMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One attempt to load a version from the store; {@code outcome} is {@link #LOADED} or {@link #FAILED}. */
    public void load(String model, String outcome) {
        Counter.builder(Names.MODEL_LOADS).description("Model versions read from the store and checked, by outcome")
                .tags(Names.MODEL, model, Names.OUTCOME, outcome).register(meters).increment();
    }

    /** {@code model} now serves {@code version}. */
    public synchronized void serving(String model, String version) {
        Gauge old = served.get(model);
        if (old != null && version.equals(old.getId().getTag(Names.VERSION))) {
            return;
        }
        if (old != null) {
            meters.remove(old);
        }
        served.put(model, Gauge.builder(Names.MODEL_LOADED, () -> 1)
                .description("1 for the version of each model this instance serves")
                .tags(Names.MODEL, model, Names.VERSION, version).register(meters));
    }
}
