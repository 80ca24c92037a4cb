package dev.modelfn.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void keepsPrintableTextWhateverItsScript() {
        assertThat(LogText.escape("POST /predict: No model named 'iris' — é 日本 \uD83D\uDE00")).isEqualTo(
                "POST /predict: No model named 'iris' — é 日本 \uD83D\uDE00");
    }

    @Test
    void escapesLineBreaksAndOtherControlCharactersSoNoLineCanBeForged() {
        assertThat(LogText.escape("a\nWARN fake\r\tb\u0000\u001b[31m\u007f\u0085\u2028"))
                .isEqualTo("a\\u000aWARN fake\\u000d\\u0009b\\u0000\\u001b[31m\\u007f\\u0085\\u2028");
    }

    @Test
    void escapesUnpairedSurrogatesWhichNoEncoderCanWrite() {
        String escaped = LogText.escape("x\uD800y\uDC00z\uDBFF");
        assertThat(escaped).isEqualTo("x\\ud800y\\udc00z\\udbff");
        String roundTrip = new String(escaped.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(roundTrip).isEqualTo(escaped);
    }

    @Test
    void textDecodedFromInvalidUtf8IsSafeToWrite() {
        byte[] invalid = { 'a', (byte) 0xff, (byte) 0xc3, 'b', (byte) 0x9b, '\n' };
        String decoded = new String(invalid, StandardCharsets.ISO_8859_1);
        assertThat(LogText.escape(decoded)).isEqualTo("a\u00ff\u00c3b\\u009b\\u000a");
    }

    @Test
    void nullIsWrittenAsNull() {
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}
