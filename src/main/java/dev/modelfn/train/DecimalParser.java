package dev.modelfn.train;

/**
 * Parses a number from a slice of a char buffer with the same result as {@link Double#parseDouble}.
 * Plain decimals with at most 18 significant digits and a small decimal exponent are computed with a
 * single correctly rounded multiplication or division of two exact doubles (Clinger's fast path);
 * every other text goes to {@code Double.parseDouble}, which also decides what is not a number.
 */
final class DecimalParser {

    private static final int MAX_DIGITS = 18;
    private static final long MAX_EXACT = 1L << 53;
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private DecimalParser() {
    }

    /** @throws NumberFormatException as {@code Double.parseDouble} does for the same text */
    static double parse(char[] chars, int start, int end) {
        while (start < end && chars[start] <= ' ') {
            start++;
        }
        while (end > start && chars[end - 1] <= ' ') {
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (mantissa != 0 || c != '0') {
                    significant++;
                    mantissa = mantissa * 10 + (c - '0');
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
        if (i < end && (chars[i] == 'e' || chars[i] == 'E') && digits > 0) {
            int exponentAt = i;
            i++;
            boolean negativeExponent = false;
            if (i < end && (chars[i] == '-' || chars[i] == '+')) {
                negativeExponent = chars[i] == '-';
                i++;
            }
            int exponent = 0;
            int exponentDigits = 0;
            for (; i < end && chars[i] >= '0' && chars[i] <= '9' && exponent < 1000; i++, exponentDigits++) {
                exponent = exponent * 10 + (chars[i] - '0');
            }
            if (exponentDigits == 0) {
                i = exponentAt;
            } else {
                scale += negativeExponent ? -exponent : exponent;
            }
        }
        if (i != end || digits == 0 || significant > MAX_DIGITS || mantissa >= MAX_EXACT
                || scale < -22 || scale > 22) {
            return Double.parseDouble(new String(chars, start, end - start));
        }
        double value = scale >= 0 ? mantissa * POWERS[scale] : mantissa / POWERS[-scale];
        return negative ? -value : value;
    }
}
