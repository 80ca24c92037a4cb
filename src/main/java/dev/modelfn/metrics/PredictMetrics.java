package dev.modelfn.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.model.ServableModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts predictions by model, version, protocol and outcome, and records the latency and rows of the successful
 * ones. The meters of a successful prediction are registered once per model version and protocol and kept, so the
 * predict path only looks them up by name and bumps them: no tag lists, no registry lookups. Failures
 * are rare and pay for a registry lookup.
 */
@ApplicationScoped
public class PredictMetrics {

    /** The outcome tag of a prediction that was answered; failures carry their problem kind. */
    public static final String OK = "ok";
    /** The outcome tag of a failure that is no problem kind: a bug or an unexpected fault, logged with its stack trace. */
    public static final String INTERNAL_ERROR = "internal-error";
    /** The model tag of a request whose model is not served: client-chosen names never become tags. */
    public static final String UNKNOWN = "(unknown)";

    private final MeterRegistry meters;
    private final Map<Protocol, Map<String, VersionMeters>> byProtocol = new EnumMap<>(Protocol.class);

    public PredictMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (Protocol protocol : Protocol.values()) {
            byProtocol.put(protocol, new ConcurrentHashMap<>());
        }
    }

    /** A prediction of {@code rows} rows answered by {@code model} in {@code nanos}, asked for by {@code protocol}. */
    public void succeeded(ServableModel model, Protocol protocol, int rows, long nanos) {
        VersionMeters m = byProtocol.get(protocol).get(model.name());
        if (m == null || !m.version.equals(model.version())) {
            m = register(model, protocol);
        }
        m.ok.increment();
        m.latency.record(nanos, TimeUnit.NANOSECONDS);
        m.rows.record(rows);
    }

    /**
     * A refused or failed prediction. {@code model} is the served model the request named, or null when
     * it named none that is served.
     */
    public void failed(ServableModel model, Protocol protocol, String outcome) {
        meters.counter(Names.PREDICTIONS, Names.MODEL, model == null ? UNKNOWN : model.name(),
                Names.VERSION, model == null ? UNKNOWN : model.version(), Names.PROTOCOL, protocol.tag(),
                Names.OUTCOME, outcome).increment();
    }

    /**
     * {@code rows} rows of a prediction answered by {@code model} gave categorical feature {@code feature} a
     * category training never saw. The feature is the model's own name for it, never the caller's.
     */
    public void unseenCategories(ServableModel model, String feature, int rows) {
        Counter.builder(Names.UNSEEN_CATEGORIES)
                .description("Rows of answered predictions whose categorical feature had a category training never saw")
                .tags(Names.MODEL, model.name(), Names.FEATURE, feature).register(meters).increment(rows);
    }

    private VersionMeters register(ServableModel model, Protocol protocol) {
        return byProtocol.get(protocol).compute(model.name(), (name, old) -> {
            if (old != null && old.version.equals(model.version())) {
                return old;
            }
            if (old != null) {
                // the old version's latency histogram would otherwise stay exported for good
                meters.remove(old.latency);
                meters.remove(old.rows);
            }
            return new VersionMeters(meters, model, protocol);
        });
    }

    private static final class VersionMeters {
        final String version;
        final Counter ok;
        final Timer latency;
        final DistributionSummary rows;

        VersionMeters(MeterRegistry meters, ServableModel model, Protocol protocol) {
            this.version = model.version();
            String by = protocol.tag();
            this.ok = Counter.builder(Names.PREDICTIONS).description("Predict requests by model, version, protocol and outcome")
                    .tags(Names.MODEL, model.name(), Names.VERSION, version, Names.PROTOCOL, by, Names.OUTCOME, OK)
                    .register(meters);
            this.latency = Timer.builder(Names.PREDICTION_DURATION)
                    .description("Time to answer a successful predict request, from the parsed request to the answer")
                    .tags(Names.MODEL, model.name(), Names.VERSION, version, Names.PROTOCOL, by)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(10_000))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(meters);
            this.rows = DistributionSummary.builder(Names.PREDICTION_ROWS).description("Rows per successful predict request")
                    .tags(Names.MODEL, model.name(), Names.VERSION, version, Names.PROTOCOL, by)
                    .serviceLevelObjectives(1, 10, 100, 1_000, 10_000)
                    .register(meters);
        }
    }
}
