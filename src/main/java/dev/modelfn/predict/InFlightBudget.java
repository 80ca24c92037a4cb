package dev.modelfn.predict;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.config.ModelfnConfig;
import io.quarkus.runtime.configuration.MemorySize;
import dev.modelfn.problem.OverloadedException;

/**
 * Bounds the predict work held in memory at once, counted in request body bytes: a batch becomes parsed rows,
 * Tribuo examples and an answer some ten to twenty times its JSON size, so a heap fits a known multiple of
 * its bodies. A request that would take the total over {@code modelfn.predict.max-bytes-in-flight} is refused
 * with 503 {@code overloaded} and {@code Retry-After} before it is parsed; one request is always let in when
 * nothing else is in flight, so that any batch within the row and body limits can be answered. One atomic
 * counter, no lock: single rows pay one add and one subtract.
 */
@ApplicationScoped
public class InFlightBudget {

    /** Default share of the heap: bodies of 1/32 of it in flight make about half of it in objects. */
    static final int HEAP_SHARE = 32;
    static final long RETRY_AFTER_SECONDS = 1;

    private final AtomicLong inFlight = new AtomicLong();
    private final long limit;

    public InFlightBudget(ModelfnConfig config) {
        this.limit = config.predict().maxBytesInFlight().map(MemorySize::asLongValue)
                .orElse(Runtime.getRuntime().maxMemory() / HEAP_SHARE);
    }

    /** Takes {@code bytes} from the budget, or refuses with 503; give them back with {@link #release}. */
    public void take(long bytes) {
        while (true) {
            long now = inFlight.get();
            if (now > 0 && now + bytes > limit) {
                throw new OverloadedException("overloaded", "This instance is predicting as much as its memory allows ("
                        + limit / 1024 + " KiB of request bodies at once, modelfn.predict.max-bytes-in-flight); retry shortly.",
                        RETRY_AFTER_SECONDS).with("maxBytesInFlight", limit);
            }
            if (inFlight.compareAndSet(now, now + bytes)) {
                return;
            }
        }
    }

    public void release(long bytes) {
        inFlight.addAndGet(-bytes);
    }

    public long limit() {
        return limit;
    }
}
