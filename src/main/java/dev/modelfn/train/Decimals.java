package dev.modelfn.train;

/**
 * Parses a CSV cell as a double without making a String of it, giving exactly what {@link Double#parseDouble}
 * gives. Plain decimals ({@code -12.5}, {@code 0.0012}, {@code 3e-4}) with at most 15 significant digits and a
 * power of ten within ±22 take the exact fast path: the digits and the power of ten are both exact doubles, so
 * one multiplication or division, rounded once by IEEE 754, is the correctly rounded value. Anything else
 * (more digits, hexadecimal, {@code NaN}, {@code Infinity}, a type suffix, text) goes to the JDK's parser.
 */
final class Decimals {

    private static final int MAX_DIGITS = 15;
    private static final int MAX_POWER = 22;
    private static final double[] POWERS = new double[MAX_POWER + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i <= MAX_POWER; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /** @throws NumberFormatException as {@link Double#parseDouble} does */
    static double parse(char[] buf, int offset, int length) {
        int at = offset;
        int end = offset + length;
        // Double.parseDouble trims as String.trim does
        while (at < end && buf[at] <= ' ') {
            at++;
        }
        while (end > at && buf[end - 1] <= ' ') {
            end--;
        }
        int start = at;
        boolean negative = false;
        if (at < end && (buf[at] == '-' || buf[at] == '+')) {
            negative = buf[at] == '-';
            at++;
        }
        long digits = 0;
        int significant = 0;
        int scale = 0;
        boolean any = false;
        boolean point = false;
        for (; at < end; at++) {
            char c = buf[at];
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits != 0 || c != '0') {
                    if (++significant > MAX_DIGITS) {
                        return slow(buf, start, end);
                    }
                    digits = digits * 10 + (c - '0');
                }
                if (point) {
                    scale--;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!any) {
            return slow(buf, start, end);
        }
        if (at < end) {
            if (buf[at] != 'e' && buf[at] != 'E' || ++at == end) {
                return slow(buf, start, end);
            }
            boolean negativeExponent = false;
            if (buf[at] == '-' || buf[at] == '+') {
                negativeExponent = buf[at] == '-';
                if (++at == end) {
                    return slow(buf, start, end);
                }
            }
            int exponent = 0;
            for (; at < end; at++) {
                char c = buf[at];
                if (c < '0' || c > '9' || exponent > 1000) {
                    return slow(buf, start, end);
                }
                exponent = exponent * 10 + (c - '0');
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        double value;
        if (digits == 0) {
            value = 0;
        } else if (scale >= 0 && scale <= MAX_POWER) {
            value = digits * POWERS[scale];
        } else if (scale < 0 && scale >= -MAX_POWER) {
            value = digits / POWERS[-scale];
        } else {
            return slow(buf, start, end);
        }
        return negative ? -value : value;
    }

    private static double slow(char[] buf, int start, int end) {
        return Double.parseDouble(new String(buf, start, end - start));
    }
}
