package dev.modelfn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DecimalParserTest {

    private static double parse(String text) {
        return DecimalParser.parse(("#" + text + "#").toCharArray(), 1, text.length() + 1);
    }

    private static void assertSameAsJdk(String text) {
        assertThat(Double.doubleToRawLongBits(parse(text))).as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void edgeCasesGiveExactlyWhatDoubleParseDoubleGives() {
        for (String text : List.of("0", "-0", "+0", "-0.0", "0.0000", "1", "-1", "+1.5", "1.", ".5", "-.5", "00012.500",
                "0.1", "0.2", "0.3", "1.0001", "-2.7183", "3.14159265358979", "9007199254740991", "9007199254740992",
                "9007199254740993", "123456789012345678", "1234567890123456789", "0.000000000000000000001",
                "1e22", "1e23", "1e-22", "1e-23", "1E5", "1e+5", "2.5e-3", "-4.9e-324", "4.9e-324", "2.2250738585072014E-308",
                "1.7976931348623157e308", "1e309", "-1e309", "1e-400", "0.1e1", "12345.678e-2", "  7.25 ", "\t-3\t",
                "1d", "1F", "0x1p3", "NaN", "Infinity", "-Infinity", "1.000000000000000000001", "99999999999999999999")) {
            assertSameAsJdk(text);
        }
    }

    @Test
    void manyRandomDecimalsGiveExactlyWhatDoubleParseDoubleGives() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 50_000; i++) {
            long mantissa = random.nextLong(1L << random.nextInt(1, 63));
            String digits = Long.toString(mantissa);
            int point = random.nextInt(digits.length() + 1);
            String text = (random.nextBoolean() ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point)
                    + (random.nextInt(4) == 0 ? "e" + random.nextInt(-30, 30) : "");
            assertSameAsJdk(text);
            assertSameAsJdk(Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(-20, 20))));
            assertSameAsJdk(String.format("%.4f", random.nextGaussian()));
        }
    }

    @Test
    void refusesWhatDoubleParseDoubleRefuses() {
        for (String text : List.of("", " ", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "--1", "1 2", "abc", "1e5x", "0x")) {
            assertThatThrownBy(() -> Double.parseDouble(text)).as(text).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> parse(text)).as(text).isInstanceOf(NumberFormatException.class);
        }
    }
}
