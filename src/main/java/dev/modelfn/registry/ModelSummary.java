package dev.modelfn.registry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.modelfn.model.ModelMetadata;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One served model as the {@code models} function lists it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSummary(String name, String version, String task, List<String> features, List<String> outputs,
        String scores, Map<String, Object> metrics, String createdAt, String trainer) {

    static ModelSummary of(ModelMetadata metadata) {
        return new ModelSummary(metadata.name(), metadata.version(), metadata.task().wireName(), metadata.features(),
                metadata.outputs(), metadata.scores(), metadata.metrics(), metadata.createdAt(), metadata.trainer());
    }
}
