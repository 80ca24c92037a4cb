package dev.modelfn.v2.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of POST /v2/models/{model}/infer. Of the request's parameters, {@code explain} and {@code explain_top}
 * ({@code ExplainParameters}) change the answer; the others, and each tensor's, are read past.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record InferRequest(String id, Map<String, JsonNode> parameters, List<Input> inputs, List<Output> outputs) {

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
