package dev.modelfn.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes every body read through the application's mapper (and Funqy's copy of it, for every function and
 * event) one JSON value with each key once. Jackson by default reads the first value and ignores what
 * follows, and lets the last of two equal keys win: {@code {"model":"a","model":"b"}} would be taken for
 * a request about b, which no proxy or log that kept the first would agree with.
 */
@Singleton
public class StrictRequestJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // as in FastJsonNumbers: the mapper handed to a customizer is built
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
