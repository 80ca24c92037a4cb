package dev.modelfn.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a reload did for one model.
 *
 * @param version  the version served after the reload (null if none)
 * @param previous the version served before (null if none)
 * @param error    why the store's current version could not be loaded, or null
 * @param storeFault true when the store could not be reached, so that trying again later may succeed
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReloadOutcome(String model, String version, String previous, boolean changed, String error, long millis,
        @JsonIgnore boolean storeFault) {
}
