package dev.modelfn.v2.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of POST /v2/models/{model}/infer. Parameters, of the request and of each tensor, are read
 * past: none changes what modelfn answers.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record InferRequest(String id, List<Input> inputs, List<Output> outputs) {

    /** @param data the elements, flat in row-major order or nested by dimension */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(String name, long[] shape, String datatype, JsonNode data) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Output(String name) {
    }
}
