package dev.modelfn.predict;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import dev.modelfn.model.Explanation;

/**
 * Writes a prediction's explanations: {@code {"<output>": {"score": s, "intercept": b, "contributions": {...}}}},
 * the outputs in the model's order, the contributions largest magnitude first.
 */
public final class ExplanationWriter {

    public static final SerializedString EXPLANATIONS = new SerializedString("explanations");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString INTERCEPT = new SerializedString("intercept");
    private static final SerializedString CONTRIBUTIONS = new SerializedString("contributions");

    private static final JsonFactory FACTORY = new JsonFactory();

    private ExplanationWriter() {
    }

    /** The explanations as JSON text. */
    public static String json(Map<String, Explanation> explanations) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(out, explanations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The explanations object, as the value of whatever field the generator is at. */
    public static void write(JsonGenerator out, Map<String, Explanation> explanations) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Explanation> output : explanations.entrySet()) {
            Explanation explanation = output.getValue();
            out.writeFieldName(output.getKey());
            out.writeStartObject();
            out.writeFieldName(SCORE);
            out.writeNumber(explanation.score());
            out.writeFieldName(INTERCEPT);
            out.writeNumber(explanation.intercept());
            PredictResponseWriter.writeNumbers(out, CONTRIBUTIONS, explanation.contributions());
            out.writeEndObject();
        }
        out.writeEndObject();
    }
}
