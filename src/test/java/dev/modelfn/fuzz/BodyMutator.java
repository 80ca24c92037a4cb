package dev.modelfn.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.fuzz.Template.Field;
import dev.modelfn.fuzz.Template.Kind;

/**
 * Turns a request template into a body that is wrong by construction: every mutation breaks the JSON, a
 * type, a name or a required field, so no answer but a refusal is right. Mutations of the text are kept
 * only once a strict JSON parser has refused them, since a flipped digit can leave a valid request.
 */
final class BodyMutator {

    /** A hostile body and the name of the mutation that made it. */
    record Body(String mutation, byte[] bytes) {
        static Body of(String mutation, String text) {
            return new Body(mutation, text.getBytes(StandardCharsets.UTF_8));
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String NOISE = "{}[]\",:\\ 0-.eE\u0000\ttrue\u00e9\ud834\udd1e";

    private final Random random;
    private final HostileValues values;

    BodyMutator(Random random, HostileValues values) {
        this.random = random;
        this.values = values;
    }

    /**
     * @param blankIsValid whether an empty or {@code null} body is a valid request of this function (the
     *                     models and reload functions take none), so those are never sent
     */
    Body mutate(Template template, boolean blankIsValid) {
        String valid = template.json();
        return switch (random.nextInt(13)) {
            case 0 -> malformed(valid);
            case 1 -> Body.of("truncated", valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
            case 2 -> replaceField(template, "wrong-type", this::wrongType);
            case 3 -> Body.of("unknown-field", template.plus(random.nextInt(template.fields().size() + 1),
                    values.oddString(1 + random.nextInt(12)), values.pick("1", "null", "\"iris\"", "{}")).json());
            case 4 -> duplicateKey(template);
            case 5 -> random.nextBoolean() ? replaceField(template, "deep-nesting", f -> values.deep())
                    : Body.of("deep-nesting", template.plus(0, "extra", values.deep()).json());
            case 6 -> replaceField(template, "huge-number", f -> values.hugeNumber());
            case 7 -> replaceField(template, "huge-string", f -> values.hugeString());
            case 8 -> hostileName(template);
            case 9 -> missingField(template);
            case 10 -> Body.of("not-an-object", blankIsValid ? values.notAnObject()
                    : values.pick(values.notAnObject(), "null", "", " \r\n\t "));
            case 11 -> invalidUtf8(valid);
            default -> Body.of("trailing-garbage", valid + values.pick("}", "{}", ",", "x", "\u0000", " {\"model\":1}"));
        };
    }

    private Body malformed(String valid) {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder text = new StringBuilder(valid);
            for (int edits = 1 + random.nextInt(3); edits > 0 && text.length() > 1; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    default -> text.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                }
            }
            String mutated = text.toString();
            if (!mutated.isBlank() && !parses(mutated)) {
                return Body.of("malformed-json", mutated);
            }
        }
        return Body.of("truncated", valid.substring(0, valid.length() - 1));
    }

    private static boolean parses(String text) {
        try {
            STRICT.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Body replaceField(Template template, String mutation, java.util.function.Function<Field, String> value) {
        int index = random.nextInt(template.fields().size());
        return Body.of(mutation + ":" + template.fields().get(index).name(),
                template.with(index, value.apply(template.fields().get(index))).json());
    }

    private String wrongType(Field field) {
        return switch (field.kind()) {
            case NAME, STRING -> values.notAString();
            case NUMBER -> values.pick("\"0.5\"", "true", "[]", "{}", "[1]", "\"\"");
            case BOOLEAN -> values.pick("7", "\"true\"", "[]", "{}", "\"yes\"");
            case OBJECT -> values.notAnObject();
            case ARRAY -> values.notAnArray();
        };
    }

    private Body duplicateKey(Template template) {
        int index = random.nextInt(template.fields().size());
        Field field = template.fields().get(index);
        String again = field.kind() == Kind.NAME ? HostileValues.quote(random.nextBoolean() ? values.ghost() : values.name())
                : random.nextBoolean() ? field.raw() : wrongType(field);
        return Body.of("duplicate-key:" + field.name(), template.plus(index + 1, field.name(), again).json());
    }

    private Body hostileName(Template template) {
        for (int index = 0; index < template.fields().size(); index++) {
            if (template.fields().get(index).kind() == Kind.NAME && random.nextBoolean()) {
                return Body.of("hostile-name:" + template.fields().get(index).name(),
                        template.with(index, HostileValues.quote(values.name())).json());
            }
        }
        return replaceField(template, "wrong-type", this::wrongType);
    }

    private Body missingField(Template template) {
        for (int index = 0; index < template.fields().size(); index++) {
            if (template.fields().get(index).required() && random.nextBoolean()) {
                return Body.of("missing-field:" + template.fields().get(index).name(), template.without(index).json());
            }
        }
        return replaceField(template, "wrong-type", this::wrongType);
    }

    /** A byte that is never valid UTF-8 where it lands, inside a string or between tokens. */
    private Body invalidUtf8(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        bytes[random.nextInt(bytes.length)] = (byte) (random.nextBoolean() ? 0xFF : 0xC0);
        return new Body("invalid-utf8", bytes);
    }
}
