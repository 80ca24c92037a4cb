package dev.modelfn.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.model.ModelLoadException;
import dev.modelfn.model.ServableModel;
import dev.modelfn.problem.NotFoundException;
import dev.modelfn.problem.StoreUnavailableException;
import dev.modelfn.problem.UnprocessableException;
import dev.modelfn.store.ModelStore;
import dev.modelfn.store.Names;

/**
 * Makes this instance serve what the store's {@code current} pointers name. A version that fails to
 * load never replaces the one serving; the failure is recorded for readiness.
 */
@ApplicationScoped
public class Reloader {

    /** The name under which readiness reports a store that cannot be listed. */
    public static final String STORE = "(store)";
    private static final Logger LOG = Logger.getLogger(Reloader.class);

    private final ModelfnConfig config;
    private final ModelStore store;
    private final VersionLoader loader;
    private final ModelRegistry registry;
    private volatile boolean listed;

    public Reloader(ModelfnConfig config, ModelStore store, VersionLoader loader, ModelRegistry registry) {
        this.config = config;
        this.store = store;
        this.loader = loader;
        this.registry = registry;
    }

    /** The models this instance serves: those configured, or every model in the store. */
    public List<String> modelsToServe() {
        return config.models().orElseGet(store::modelNames);
    }

    /**
     * Reloads every model to serve. When the store has never yet been listed, readiness names it as the
     * pseudo-model {@value #STORE} until a later reload succeeds; once it has, an outage only shows in the
     * health data, since the models loaded keep serving.
     */
    public List<ReloadOutcome> reloadAll() {
        List<String> names;
        try {
            names = modelsToServe();
        } catch (StoreUnavailableException e) {
            if (!listed) {
                registry.expect(STORE);
            }
            registry.failed(STORE, e.getMessage());
            LOG.errorf("Model store %s is unreachable: %s", store.location(), e.getMessage());
            return List.of(new ReloadOutcome(STORE, null, null, false, e.getMessage(), 0, true));
        }
        listed = true;
        registry.forget(STORE);
        List<ReloadOutcome> outcomes = new ArrayList<>();
        // every model in the store: one trained only with promote false has nothing to serve yet, and readiness
        // must not wait for it; a model named in modelfn.models is waited for
        boolean skipNeverPromoted = config.models().isEmpty();
        for (String name : names) {
            ReloadOutcome outcome = reload(name, skipNeverPromoted);
            if (outcome != null) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    /** {@link #reload(String)} for a caller that named the model: a version that does not load is a 422. */
    public ReloadOutcome reloadNamed(String name) {
        String model = Names.requireModel(name);
        // Read outside reload(), so that a store outage answers 503 (worth retrying) rather than 422,
        // and a name the store does not know is refused before readiness starts waiting for it.
        boolean stored = store.currentVersion(model).isPresent();
        if (!stored && registry.find(model) == null) {
            throw new NotFoundException("unknown-model", "The store has no current version of '" + model
                    + "'; there is nothing to reload.").with("model", model);
        }
        ReloadOutcome outcome = reload(model);
        if (outcome.error() != null) {
            throw new UnprocessableException("reload-failed", "Model '" + outcome.model() + "' keeps serving "
                    + outcome.version() + ": the store's current version cannot be loaded (" + outcome.error() + ").")
                    .with("model", outcome.model());
        }
        return outcome;
    }

    /** Loads {@code name} at its current version if that is not the one served already. */
    public ReloadOutcome reload(String name) {
        return reload(name, false);
    }

    /**
     * {@link #reload(String)}; with {@code skipNeverPromoted}, null (and readiness left alone) for a model with no
     * current version that is not served here.
     */
    private ReloadOutcome reload(String name, boolean skipNeverPromoted) {
        ServableModel serving = registry.find(name);
        String previous = serving == null ? null : serving.version();
        if (!Names.isValid(name)) {
            registry.expect(name);
            return failed(name, previous, "not a valid model name", 0);
        }
        long start = System.nanoTime();
        try {
            Optional<String> stored = store.currentVersion(name);
            if (stored.isEmpty() && serving == null && skipNeverPromoted) {
                return null;
            }
            registry.expect(name);
            String current = stored
                    .orElseThrow(() -> new ModelLoadException("the store has no current version of " + name));
            if (current.equals(previous)) {
                registry.serve(serving);
                return new ReloadOutcome(name, previous, previous, false, null, 0, false);
            }
            ServableModel model = loader.load(name, current);
            registry.serve(model);
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("Loaded model %s version %s in %d ms%s", name, model.version(), millis,
                    previous == null ? "" : " (was " + previous + ")");
            return new ReloadOutcome(name, model.version(), previous, true, null, millis, false);
        } catch (ModelLoadException e) {
            return failed(name, previous, e.getMessage(), (System.nanoTime() - start) / 1_000_000, false);
        } catch (StoreUnavailableException e) {
            registry.expect(name);
            return failed(name, previous, e.getMessage(), (System.nanoTime() - start) / 1_000_000, true);
        }
    }

    private ReloadOutcome failed(String name, String serving, String reason, long millis) {
        return failed(name, serving, reason, millis, false);
    }

    private ReloadOutcome failed(String name, String serving, String reason, long millis, boolean storeFault) {
        boolean known = reason.equals(registry.failure(name));
        registry.failed(name, reason);
        if (!known) {
            LOG.errorf("Model %s not loaded%s: %s", name, serving == null ? "" : " (still serving " + serving + ")", reason);
        }
        return new ReloadOutcome(name, serving, serving, false, reason, millis, storeFault);
    }
}
