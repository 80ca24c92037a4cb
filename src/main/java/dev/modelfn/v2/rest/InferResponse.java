package dev.modelfn.v2.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.modelfn.v2.OutputTensor;
import dev.modelfn.v2.V2Inference;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to an inference request, with the protocol's field names. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferResponse(@JsonProperty("model_name") String modelName,
        @JsonProperty("model_version") String modelVersion, String id, List<Output> outputs) {

    static InferResponse of(V2Inference.Answer answer, String id) {
        return new InferResponse(answer.model(), answer.version(), id, answer.outputs().stream().map(Output::of).toList());
    }

    /** @param data strings for BYTES, numbers for FP64, flat in row-major order */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Output(String name, String datatype, long[] shape, Map<String, String> parameters, Object data) {

        static Output of(OutputTensor tensor) {
            return new Output(tensor.name(), tensor.datatype(), tensor.shape(), tensor.parameters(),
                    tensor.texts() != null ? tensor.texts() : tensor.numbers());
        }
    }
}
