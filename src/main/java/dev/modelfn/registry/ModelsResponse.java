package dev.modelfn.registry;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer of the {@code models} function. */
@RegisterForReflection
public record ModelsResponse(List<ModelSummary> models) {
}
