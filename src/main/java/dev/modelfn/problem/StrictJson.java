package dev.modelfn.problem;

import java.io.IOException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Binds a request body to a record strictly (no unknown fields, no coercion of strings to numbers or
 * of fractions to integers) and turns what is wrong into a {@link RequestDefect} that names the field,
 * instead of the bare 400 Funqy gives for any exception thrown while reading.
 */
public final class StrictJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StrictJson() {
    }

    /** The body bound to {@code type}, or a defect saying why it cannot be. */
    public record Result<T>(T value, RequestDefect defect) {
    }

    public static <T> Result<T> read(JsonParser parser, Class<T> type) throws IOException {
        JsonNode tree;
        try {
            tree = parser.readValueAsTree();
        } catch (StreamReadException e) {
            // nothing after the fault can be read: a caller checking for data after the body must find none
            parser.close();
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                return new Result<>(null, RequestDefect.of("duplicate-field", "A field appears twice: "
                        + e.getOriginalMessage().substring("Duplicate field ".length()) + "; send each once."));
            }
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new Result<>(null, RequestDefect.of("malformed-json", "The body is not valid JSON" + where + "."));
        }
        if (parser.nextToken() != null) {
            return new Result<>(null, RequestDefect.of("malformed-json", "The body has data after its JSON object."));
        }
        if (tree == null || !tree.isObject()) {
            return new Result<>(null, RequestDefect.of("not-an-object", "The body must be a JSON object."));
        }
        try {
            return new Result<>(STRICT.treeToValue(tree, type), null);
        } catch (UnrecognizedPropertyException e) {
            return new Result<>(null, RequestDefect.of("unknown-field", "Unknown field '" + path(e) + "'; known fields there: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList()) + "."));
        } catch (JsonMappingException e) {
            return new Result<>(null, RequestDefect.of("wrong-type", "Field '" + path(e) + "' has the wrong type or value."));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
