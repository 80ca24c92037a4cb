package dev.modelfn.train;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.problem.TimedOutException;
import dev.modelfn.problem.TooManyRequestsException;

/**
 * The instance's training limits: at most {@code modelfn.train.max-concurrent} trainings at once, and each
 * fit within {@code modelfn.train.timeout}. Tribuo's trainers never look at interrupts, so a fit over the
 * limit cannot be stopped: it runs on a thread of its own, its caller stops waiting and gets a 503, its
 * result is dropped, and it keeps its slot until it really ends.
 */
@ApplicationScoped
public class TrainingSlots {

    /** What both refusals tell the caller to wait: about one small training. */
    static final long RETRY_AFTER_SECONDS = 30;

    private final Semaphore slots;
    private final int maxConcurrent;
    private final long timeoutMillis;
    private final ExecutorService fits = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "modelfn-fit");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingSlots(ModelfnConfig config) {
        this.maxConcurrent = config.train().maxConcurrent();
        this.slots = new Semaphore(maxConcurrent);
        this.timeoutMillis = config.train().timeout().toMillis();
    }

    /** Takes a slot for one training, or refuses with 429 when every slot is taken. */
    public Slot acquire() {
        if (!slots.tryAcquire()) {
            throw new TooManyRequestsException("too-many-trainings", "This instance is already running "
                    + maxConcurrent + " training(s), its limit (modelfn.train.max-concurrent); retry later.",
                    RETRY_AFTER_SECONDS).with("maxConcurrent", maxConcurrent);
        }
        return new Slot();
    }

    @PreDestroy
    void stop() {
        fits.shutdownNow();
    }

    /** One training's place; close it when the training is over. */
    public final class Slot implements AutoCloseable {

        private boolean handedOver;
        private boolean closed;

        private Slot() {
        }

        /** Runs {@code fit} within the time limit, or abandons it and throws 503 {@code training-timeout}. */
        <T> T timed(Supplier<T> fit) {
            CompletableFuture<T> running = CompletableFuture.supplyAsync(fit, fits);
            try {
                return running.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                handedOver = true;
                running.whenComplete((result, failure) -> slots.release());
                throw new TimedOutException("training-timeout", "The training ran over its time limit of "
                        + timeoutMillis + " ms (modelfn.train.timeout) and was abandoned; nothing was written. "
                        + "Train on fewer rows or epochs, or raise the limit.", RETRY_AFTER_SECONDS)
                        .with("timeoutMillis", timeoutMillis);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a training", e);
            }
        }

        @Override
        public void close() {
            if (!closed && !handedOver) {
                slots.release();
            }
            closed = true;
        }
    }
}
