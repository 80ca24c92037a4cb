package dev.modelfn.problem;

/**
 * Makes a value from a request safe to write into a log line: control characters (C0, DEL, C1, and the
 * line and paragraph separators) and unpaired surrogates, which a log encoder turns into invalid or
 * misleading bytes or into forged line breaks, are written as {@code \\uXXXX}. Everything else is kept.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (needsEscape(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029';
    }
}
