package dev.modelfn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** A cell parses to the very double Double.parseDouble gives, bit for bit, and fails where it fails. */
class DecimalsTest {

    @Test
    void plainDecimalsParseAsTheJdkParsesThem() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 200_000; i++) {
            double value = random.nextGaussian() * Math.pow(10, random.nextInt(-12, 12));
            for (String text : List.of(Double.toString(value), String.format(Locale.ROOT, "%.4f", value),
                    String.format(Locale.ROOT, "%.17g", value), String.format(Locale.ROOT, "%.6e", value),
                    Long.toString(random.nextLong(-1_000_000_000_000_000L, 1_000_000_000_000_000L)),
                    digits(random))) {
                assertSame(text);
            }
        }
    }

    @Test
    void oddButValidNumbersParseAsTheJdkParsesThem() {
        for (String text : List.of("0", "-0", "-0.000", "+5", "1.", ".5", "007", "1e5", "1E+5", "2.5e-3", " 42 ",
                "\t-1.25\t", "1e22", "1e23", "123456789012345e-22", "1234567890123456", "9007199254740993",
                "0.1", "0.30000000000000004", "4.9e-324", "1.7976931348623157e308", "1e-400", "1e400", "NaN",
                "Infinity", "-Infinity", "1d", "2.5f", "0x1p3", "00000000000000000001.5")) {
            assertSame(text);
        }
    }

    @Test
    void textThatIsNoNumberFailsAsTheJdkFails() {
        for (String text : List.of("", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1 2", "1_000", "abc", "--1", "1,5")) {
            char[] chars = text.toCharArray();
            assertThatThrownBy(() -> Decimals.parse(chars, 0, chars.length)).as(text)
                    .isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> Double.parseDouble(text)).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void aCellIsReadWithinItsBuffer() {
        char[] buf = "x,12.75,y".toCharArray();
        assertThat(Decimals.parse(buf, 2, 5)).isEqualTo(12.75);
    }

    /** Up to 20 random digits with a point somewhere and maybe an exponent. */
    private static String digits(SplittableRandom random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
        int count = random.nextInt(1, 21);
        int point = random.nextInt(0, count + 1);
        for (int d = 0; d < count; d++) {
            if (d == point && d > 0) {
                text.append('.');
            }
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(4) == 0) {
            text.append('e').append(random.nextInt(-30, 30));
        }
        return text.toString();
    }

    private static void assertSame(String text) {
        char[] chars = ("," + text + ",").toCharArray();
        double expected = Double.parseDouble(text);
        assertThat(Double.doubleToRawLongBits(Decimals.parse(chars, 1, text.length()))).as(text)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }
}
