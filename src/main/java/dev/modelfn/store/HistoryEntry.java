package dev.modelfn.store;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One promotion of a model, as recorded in {@code <model>/history/}.
 *
 * @param action   {@code promote} or {@code rollback}
 * @param previous the version served before, or null
 */
@RegisterForReflection
public record HistoryEntry(String at, String action, String version, String previous) {

    public static final String PROMOTE = "promote";
    public static final String ROLLBACK = "rollback";
}
