package dev.modelfn.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.modelfn.metrics.ModelMetrics;
import dev.modelfn.model.ServableModel;
import dev.modelfn.problem.NotFoundException;

/**
 * Which model versions this instance serves. Each model maps to one immutable {@link ServableModel};
 * replacing it is a single reference swap, so predictions in flight finish on the model they started
 * with and the predict path takes no lock.
 */
@ApplicationScoped
public class ModelRegistry {

    private final Map<String, ServableModel> serving = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Set<String> expected = ConcurrentHashMap.newKeySet();
    private volatile boolean started;
    private final ModelMetrics metrics;

    public ModelRegistry(ModelMetrics metrics) {
        this.metrics = metrics;
    }

    /** The model to answer with; 404 when it is not served or not at the version asked for. */
    public ServableModel require(String name, String version) {
        ServableModel model = serving.get(name);
        if (model == null) {
            String failure = failures.get(name);
            throw new NotFoundException("unknown-model", failure == null
                    ? "No model named '" + name + "' is served. Served models: " + servedNames() + "."
                    : "Model '" + name + "' is not served: it failed to load (" + failure + ").")
                    .with("model", name);
        }
        if (version != null && !version.equals(model.version())) {
            throw new NotFoundException("unknown-version", "Model '" + name + "' is served at version "
                    + model.version() + ", not " + version + ".")
                    .with("model", name).with("version", version);
        }
        return model;
    }

    /** The version this instance serves, or null. */
    public ServableModel find(String name) {
        return serving.get(name);
    }

    /** Why the last load of {@code name} failed, or null. */
    public String failure(String name) {
        return failures.get(name);
    }

    public Collection<ServableModel> served() {
        List<ServableModel> models = new ArrayList<>(serving.values());
        models.sort(Comparator.comparing(ServableModel::name));
        return models;
    }

    /** Marks a model as one this instance must serve before it is ready. */
    public void expect(String name) {
        expected.add(name);
    }

    /** Swaps {@code model} in; synchronized only so that the served-version gauge follows swaps in order. */
    public synchronized void serve(ServableModel model) {
        serving.put(model.name(), model);
        failures.remove(model.name());
        metrics.serving(model.name(), model.version());
    }

    /** Stops expecting {@code name}, e.g. a store outage that is over. */
    public void forget(String name) {
        expected.remove(name);
        failures.remove(name);
    }

    /** Records a load failure; a version already serving stays. */
    public void failed(String name, String reason) {
        failures.put(name, reason);
    }

    public void markStarted() {
        started = true;
    }

    public boolean started() {
        return started;
    }

    /** Ready when loading has run and every expected model serves. */
    public boolean ready() {
        return started && serving.keySet().containsAll(expected);
    }

    /** Each known model with its served version and any load failure, for health answers. */
    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        Set<String> names = new java.util.TreeSet<>(expected);
        names.addAll(serving.keySet());
        names.addAll(failures.keySet());
        for (String name : names) {
            ServableModel model = serving.get(name);
            String failure = failures.get(name);
            if (model != null && failure == null) {
                status.put(name, "serving " + model.version());
            } else if (model != null) {
                status.put(name, "serving " + model.version() + "; last load failed: " + failure);
            } else {
                status.put(name, failure == null ? "not loaded" : "failed: " + failure);
            }
        }
        return status;
    }

    private List<String> servedNames() {
        return served().stream().map(ServableModel::name).toList();
    }
}
