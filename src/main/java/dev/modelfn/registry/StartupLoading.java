package dev.modelfn.registry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.modelfn.config.ModelfnConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads every model to serve at its current version when the function starts. What the store could not
 * deliver then (it did not answer) is tried again in the background, 1 s later, then at doubling
 * intervals up to {@code modelfn.store.retry-max-delay}, until the store answers: no restart needed.
 */
@ApplicationScoped
public class StartupLoading {

    private static final Logger LOG = Logger.getLogger(StartupLoading.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final Reloader reloader;
    private final ModelRegistry registry;
    private final Duration maxDelay;
    private ScheduledExecutorService retries;

    public StartupLoading(Reloader reloader, ModelRegistry registry, ModelfnConfig config) {
        this.reloader = reloader;
        this.registry = registry;
        this.maxDelay = config.store().retryMaxDelay();
    }

    void onStart(@Observes StartupEvent event) {
        boolean unreachable = storeFault(reloader.reloadAll());
        registry.markStarted();
        if (unreachable) {
            retries = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "modelfn-load-retry");
                thread.setDaemon(true);
                return thread;
            });
            schedule(FIRST_RETRY);
        }
    }

    private void schedule(Duration delay) {
        LOG.infof("The store did not deliver every model; trying again in %d ms", delay.toMillis());
        retries.schedule(() -> retry(delay), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retry(Duration delay) {
        boolean unreachable;
        try {
            unreachable = storeFault(reloader.reloadAll());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Loading models from the store failed");
            unreachable = true;
        }
        if (unreachable) {
            Duration doubled = delay.multipliedBy(2);
            schedule(doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled);
        } else {
            LOG.info("The store answered: every model it holds is loaded");
            retries.shutdown();
        }
    }

    private static boolean storeFault(List<ReloadOutcome> outcomes) {
        return outcomes.stream().anyMatch(ReloadOutcome::storeFault);
    }

    void stop(@Observes ShutdownEvent event) {
        if (retries != null) {
            retries.shutdownNow();
        }
    }
}
