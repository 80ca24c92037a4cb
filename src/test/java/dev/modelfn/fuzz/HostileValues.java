package dev.modelfn.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Raw JSON texts and names that no field of a request accepts where the fuzzer puts them: wrong types,
 * deep nesting, numbers past a double, huge and odd strings, names that try to leave the store.
 */
final class HostileValues {

    /** Names that match no stored model: path-like, unicode, control characters, too long. */
    private static final List<String> NAMES = List.of("../iris", "iris/../diabetes", "..", ".", "/etc/passwd",
            "..\\iris", "C:\\models\\iris", "%2e%2e%2firis", "iris%00", "iris\u0000", "iris\n", " iris", "iris ",
            "ïris", "\u202eiris", "iris\u200b", "𝄞", "模型", "iris/", "./iris", "~/iris", "file:iris", "s3:iris",
            "-iris", "_iris", "iris*", "iris?", "iris#1", "\ud83d\ude00", "IRIS", "Iris", "iris.", "iris..", "iris-",
            "ghost", "ghost.model", "a", "\\u0069ris");
    private static final String ODD_CHARS = "\"\\/\u0000\u0001\u001f\u007f\u00a0\u2028\u2029\ufeff\ufffdé模𝄞 .-_%?#&=+;:[]{}<>'`$|~!@*()^";

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    /** A JSON string literal, escaped as Jackson would write it. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A model or version name that names nothing stored: hostile, or well-formed but unknown. */
    String name() {
        return switch (random.nextInt(4)) {
            case 0 -> NAMES.get(random.nextInt(NAMES.size()));
            case 1 -> oddString(1 + random.nextInt(24));
            case 2 -> "ghost" + "x".repeat(random.nextInt(80)) + random.nextInt(1000);
            default -> "ghost-" + Integer.toHexString(random.nextInt());
        };
    }

    /** A well-formed name of a model no store holds. */
    String ghost() {
        return "ghost-" + Integer.toHexString(random.nextInt(1 << 24));
    }

    String oddString(int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            int at = random.nextInt(ODD_CHARS.length());
            char c = ODD_CHARS.charAt(at);
            if (Character.isHighSurrogate(c) && at + 1 < ODD_CHARS.length()) {
                out.append(c).append(ODD_CHARS.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A JSON value of a type other than a string; never null (an absent name can be a valid request). */
    String notAString() {
        return pick("7", "-1.5", "0", "true", "false", "[]", "{}", "[\"iris\"]", "{\"name\":\"iris\"}", "[[]]");
    }

    /** A JSON value that is not a finite number (null, strings, booleans, containers, overflowing numbers). */
    String notAFiniteNumber() {
        return pick("\"5.1\"", "null", "true", "false", "[]", "{}", "[5.1]", "{\"v\":5.1}", "\"NaN\"", "NaN",
                "Infinity", "-Infinity", "1e999", "-1e400", "\"\"", hugeNumber());
    }

    String notAnObject() {
        return pick("7", "\"x\"", "true", "[]", "[{}]", "\"{}\"", "-0");
    }

    String notAnArray() {
        return pick("7", "\"x\"", "true", "{}", "{\"0\":{}}");
    }

    /** An integer or exponent past what a double holds (finite-looking text that parses to infinity or fails). */
    String hugeNumber() {
        return switch (random.nextInt(4)) {
            case 0 -> "9".repeat(400 + random.nextInt(1200));
            case 1 -> "-" + "1".repeat(330 + random.nextInt(600)) + ".5";
            case 2 -> "1e" + (400 + random.nextInt(1_000_000));
            default -> "-1." + "7".repeat(random.nextInt(2000)) + "E+99999";
        };
    }

    /** Arrays or objects nested past any sane depth. */
    String deep() {
        int depth = 1_001 + random.nextInt(random.nextBoolean() ? 3_000 : 60_000);
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A string literal of 65 to 200,000 characters. */
    String hugeString() {
        int length = 65 + random.nextInt(random.nextBoolean() ? 1_000 : 200_000);
        return quote(random.nextBoolean() ? "x".repeat(length) : oddString(length));
    }

    String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
