package dev.modelfn.registry;

import java.time.Duration;
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
 * Keeps this instance following the store when {@code modelfn.registry.refresh-interval} is set:
 * one small read of {@code current} per model each interval, a load only for what changed.
 */
@ApplicationScoped
public class Refresher {

    private static final Logger LOG = Logger.getLogger(Refresher.class);

    private final ModelfnConfig config;
    private final Reloader reloader;
    private ScheduledExecutorService scheduler;

    public Refresher(ModelfnConfig config, Reloader reloader) {
        this.config = config;
        this.reloader = reloader;
    }

    void start(@Observes StartupEvent event) {
        config.registry().refreshInterval().filter(d -> !d.isZero() && !d.isNegative()).ifPresent(this::schedule);
    }

    private void schedule(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "modelfn-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
        LOG.infof("Following the store's current versions every %s", interval);
    }

    private void refresh() {
        try {
            reloader.reloadAll();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Refreshing models from the store failed");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
