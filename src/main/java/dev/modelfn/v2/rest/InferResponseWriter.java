package dev.modelfn.v2.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import dev.modelfn.v2.OutputTensor;
import dev.modelfn.v2.V2Inference;

/**
 * Writes the answer to an inference request, with the protocol's field names, straight to a generator:
 * Jackson's record serializers took as long per request as the prediction did. {@code id} is left out when the
 * request had none, {@code parameters} when a tensor has none.
 */
final class InferResponseWriter {

    private static final SerializedString MODEL_NAME = new SerializedString("model_name");
    private static final SerializedString MODEL_VERSION = new SerializedString("model_version");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString OUTPUTS = new SerializedString("outputs");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString DATATYPE = new SerializedString("datatype");
    private static final SerializedString SHAPE = new SerializedString("shape");
    private static final SerializedString PARAMETERS = new SerializedString("parameters");
    private static final SerializedString DATA = new SerializedString("data");

    private final JsonFactory factory;

    InferResponseWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] write(V2Inference.Answer answer, String id) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        try (JsonGenerator out = factory.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeFieldName(MODEL_NAME);
            out.writeString(answer.model());
            out.writeFieldName(MODEL_VERSION);
            out.writeString(answer.version());
            if (id != null) {
                out.writeFieldName(ID);
                out.writeString(id);
            }
            out.writeFieldName(OUTPUTS);
            out.writeStartArray();
            for (OutputTensor tensor : answer.outputs()) {
                write(out, tensor);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator out, OutputTensor tensor) throws IOException {
        out.writeStartObject();
        out.writeFieldName(NAME);
        out.writeString(tensor.name());
        out.writeFieldName(DATATYPE);
        out.writeString(tensor.datatype());
        out.writeFieldName(SHAPE);
        out.writeArray(tensor.shape(), 0, tensor.shape().length);
        if (tensor.parameters() != null && !tensor.parameters().isEmpty()) {
            out.writeFieldName(PARAMETERS);
            out.writeStartObject();
            for (Map.Entry<String, String> parameter : tensor.parameters().entrySet()) {
                out.writeStringField(parameter.getKey(), parameter.getValue());
            }
            out.writeEndObject();
        }
        out.writeFieldName(DATA);
        if (tensor.texts() != null) {
            out.writeStartArray();
            for (String text : tensor.texts()) {
                out.writeString(text);
            }
            out.writeEndArray();
        } else {
            out.writeArray(tensor.numbers(), 0, tensor.numbers().length);
        }
        out.writeEndObject();
    }
}
