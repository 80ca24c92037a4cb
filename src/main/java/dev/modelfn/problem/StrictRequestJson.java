package dev.modelfn.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes every body read through the application's mapper (and Funqy's copy of it, for every function and
 * event) name each key once. Jackson by default lets the last of two equal keys win:
 * {@code {"model":"a","model":"b"}} would be taken for a request about b, which no proxy or log that kept
 * the first would agree with. (Data after the body is refused by the predict and train readers, which
 * know when their own defect left input unread.)
 */
@Singleton
public class StrictRequestJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // as in FastJsonNumbers: the mapper handed to a customizer is built
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
