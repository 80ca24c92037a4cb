package dev.modelfn.predict;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import dev.modelfn.model.ClassPrediction;
import dev.modelfn.model.NamedValues;
import dev.modelfn.model.PredictionResult;
import dev.modelfn.model.RegressionPrediction;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Writes a {@link PredictResponse} straight to the generator, in the field order the records declare.
 * Jackson's bean and map serializers spent more time per row than the model did on 100-row batches.
 */
@RegisterForReflection
public class PredictResponseWriter extends StdSerializer<PredictResponse> {

    // Encoded once rather than for every row.
    private static final SerializedString MODEL = new SerializedString("model");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString PREDICTIONS = new SerializedString("predictions");
    private static final SerializedString LABEL = new SerializedString("label");
    private static final SerializedString SCORES = new SerializedString("scores");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString VALUES = new SerializedString("values");

    public PredictResponseWriter() {
        super(PredictResponse.class);
    }

    @Override
    public void serialize(PredictResponse response, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeStartObject();
        out.writeFieldName(MODEL);
        out.writeString(response.model());
        out.writeFieldName(VERSION);
        out.writeString(response.version());
        out.writeFieldName(PREDICTIONS);
        out.writeStartArray();
        for (PredictionResult prediction : response.predictions()) {
            out.writeStartObject();
            if (prediction instanceof ClassPrediction c) {
                out.writeFieldName(LABEL);
                out.writeString(c.label());
                writeNumbers(out, SCORES, c.scores());
            } else if (prediction instanceof RegressionPrediction r) {
                out.writeFieldName(VALUE);
                out.writeNumber(r.value());
                writeNumbers(out, VALUES, r.values());
            }
            if (prediction.explanations() != null) {
                out.writeFieldName(ExplanationWriter.EXPLANATIONS);
                ExplanationWriter.write(out, prediction.explanations());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    static void writeNumbers(JsonGenerator out, SerializedString field, Map<String, Double> numbers)
            throws IOException {
        out.writeFieldName(field);
        out.writeStartObject();
        if (numbers instanceof NamedValues named) {
            for (int i = 0; i < named.size(); i++) {
                out.writeNumberField(named.name(i), named.value(i));
            }
        } else {
            for (Map.Entry<String, Double> number : numbers.entrySet()) {
                out.writeNumberField(number.getKey(), number.getValue());
            }
        }
        out.writeEndObject();
    }
}
