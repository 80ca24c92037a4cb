package dev.modelfn.predict;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads and writes JSON doubles with Jackson's own number codecs instead of the JDK's. On JDK 17,
 * {@code Double.toString} and {@code Double.parseDouble} took about half the CPU time of a batch
 * predict (JFR profile in docs/performance.md); the answers are the same shortest round-trip digits.
 * Funqy copies the application's mapper, so this reaches the function inputs and outputs too.
 */
@Singleton
public class FastJsonNumbers implements ObjectMapperCustomizer {

    @Override
    // The Stream*Feature replacements of these switches are taken only by a factory builder; the mapper
    // handed to a customizer is already built.
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.USE_FAST_DOUBLE_PARSER);
        mapper.enable(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER);
    }
}
