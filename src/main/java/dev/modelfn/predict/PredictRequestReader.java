package dev.modelfn.predict;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import dev.modelfn.model.Explain;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.problem.RequestDefect;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reads a {@link PredictRequest} token by token: no intermediate tree, no boxing of feature values. A
 * feature value is a finite number, null, or a string (for a categorical feature: which features are is the
 * model's to say, so a string for a numeric one is refused by the model's schema, naming row and feature).
 * Anything wrong becomes a {@link RequestDefect} naming the row and feature; feature values are
 * never echoed back.
 */
@RegisterForReflection
public class PredictRequestReader extends StdDeserializer<PredictRequest> {

    public PredictRequestReader() {
        super(PredictRequest.class);
    }

    @Override
    @SuppressWarnings("deprecation") // the per-parser switch is the only one that leaves other JSON strict
    public PredictRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        parser.enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
        // Reading checks duplicates itself, so that a repeated feature is named as such
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            return new Reading(parser).request();
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return defective(RequestDefect.of("malformed-json", "The body is not valid JSON" + where + "."));
        }
    }

    private static PredictRequest defective(RequestDefect defect) {
        return new PredictRequest(null, null, null, null, null, defect);
    }

    /** Signals the first defect found; reading stops there. */
    private static final class Defect extends Exception {
        final RequestDefect defect;

        Defect(RequestDefect defect) {
            super(null, null, false, false);
            this.defect = defect;
        }
    }

    private static final class Reading {
        private final JsonParser parser;
        private String model;
        private String version;
        private FeatureRow features;
        private List<FeatureRow> rows;
        private Explain explain;

        Reading(JsonParser parser) {
            this.parser = parser;
        }

        PredictRequest request() throws IOException {
            try {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw defect("not-an-object", "The body must be a JSON object.");
                }
                Set<String> seen = new HashSet<>(4);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (!seen.add(field)) {
                        throw defect("duplicate-field", "Field '" + field + "' appears twice; send it once.");
                    }
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "model" -> model = text(field, value);
                        case "version" -> version = value == JsonToken.VALUE_NULL ? null : text(field, value);
                        case "features" -> features = row(value, 0, "features", 8);
                        case "rows" -> rows = rows(value);
                        case "explain" -> explain = explain(value);
                        default -> throw defect("unknown-field", "Unknown field '" + field
                                + "'; a predict request has model, version, features or rows, and explain.");
                    }
                }
                if (parser.getParsingContext().inRoot() && parser.nextToken() != null) {
                    throw defect("malformed-json", "The body has data after its JSON object.");
                }
                return new PredictRequest(model, version, features, rows, explain, null);
            } catch (Defect d) {
                // the model named before the defect, if any, only for its metrics and log line
                return new PredictRequest(model, version, null, null, null, d.defect);
            }
        }

        private String text(String field, JsonToken value) throws Defect {
            if (value != JsonToken.VALUE_STRING) {
                throw defect("wrong-type", "'" + field + "' must be a string.");
            }
            try {
                return parser.getText();
            } catch (IOException e) {
                throw defect("malformed-json", "The body is not valid JSON.");
            }
        }

        /** {@code true}, {@code false} (or null), or {@code {"top": k}} with k a positive integer. */
        private Explain explain(JsonToken value) throws IOException, Defect {
            if (value == JsonToken.VALUE_TRUE) {
                return Explain.ALL;
            }
            if (value == JsonToken.VALUE_FALSE || value == JsonToken.VALUE_NULL) {
                return null;
            }
            Defect wrong = defect("invalid-explain",
                    "'explain' must be true, false, or {\"top\": k} with k a whole number from 1.");
            if (value != JsonToken.START_OBJECT) {
                throw wrong;
            }
            Integer top = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (!"top".equals(parser.currentName()) || top != null
                        || parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                    throw wrong;
                }
                BigInteger k = parser.getBigIntegerValue();
                if (k.signum() < 1) {
                    throw wrong;
                }
                top = k.bitLength() > 31 ? Integer.MAX_VALUE : k.intValue();
            }
            if (top == null) {
                throw wrong;
            }
            return new Explain(top);
        }

        private List<FeatureRow> rows(JsonToken value) throws IOException, Defect {
            if (value != JsonToken.START_ARRAY) {
                throw defect("wrong-type", "'rows' must be an array of objects, one per row.");
            }
            List<FeatureRow> read = new ArrayList<>();
            int width = 8;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                FeatureRow row = row(token, read.size(), "rows[" + read.size() + "]", width);
                width = Math.max(width, row.size());
                read.add(row);
            }
            return read;
        }

        private FeatureRow row(JsonToken value, int index, String where, int width) throws IOException, Defect {
            if (value != JsonToken.START_OBJECT) {
                throw defect("wrong-type", "'" + where + "' must be an object of feature names to numbers.");
            }
            FeatureRow row = new FeatureRow(width);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String feature = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    double number = parser.getDoubleValue();
                    if (!Double.isFinite(number)) {
                        throw valueDefect(index, feature, "is not a finite number");
                    }
                    row.add(feature, number);
                } else if (token == JsonToken.VALUE_NULL) {
                    // missing: the model's fill for the feature, or a 400 when it has none (FeatureSchema)
                    row.add(feature, Double.NaN);
                } else if (token == JsonToken.VALUE_STRING) {
                    // a category; a string for a numeric feature is refused once the model is known
                    row.add(feature, parser.getText());
                } else {
                    throw valueDefect(index, feature, describe(token));
                }
            }
            return row;
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case VALUE_STRING -> "is a string, not a number";
                case VALUE_NULL -> "is null, not a number";
                case VALUE_TRUE, VALUE_FALSE -> "is a boolean, not a number";
                case START_OBJECT -> "is an object, not a number";
                case START_ARRAY -> "is an array, not a number";
                default -> "is not a number";
            };
        }

        private static Defect valueDefect(int row, String feature, String what) {
            return new Defect(new RequestDefect("invalid-feature-value",
                    "Row " + row + ", feature '" + feature + "': the value " + what + ".", row, feature));
        }

        private static Defect defect(String type, String detail) {
            return new Defect(RequestDefect.of(type, detail));
        }
    }
}
