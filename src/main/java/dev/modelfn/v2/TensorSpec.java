package dev.modelfn.v2;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A tensor a model takes or gives, as its metadata lists it; -1 is a dimension of any size.
 *
 * @param parameters what the tensor's elements mean, e.g. {@code classes} (comma-separated, in column order)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TensorSpec(String name, String datatype, long[] shape, Map<String, String> parameters) {
}
