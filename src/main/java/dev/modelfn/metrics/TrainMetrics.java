package dev.modelfn.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Training requests: how long each took, by model, task and outcome. */
@ApplicationScoped
public class TrainMetrics {

    private final MeterRegistry meters;

    public TrainMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * One training request. {@code model} and {@code task} are only what the caller may choose freely when
     * the training succeeded or the model is already served; pass {@link PredictMetrics#UNKNOWN} otherwise.
     */
    public void trained(String model, String task, String outcome, long nanos) {
        Timer.builder(Names.TRAINING_DURATION).description("Training requests, from the request to the written (and promoted) version")
                .tags(Names.MODEL, model, Names.TASK, task, Names.OUTCOME, outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(1))
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }
}
