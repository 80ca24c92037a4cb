package dev.modelfn.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document of {@code META-INF/openapi.yaml} in both of its forms, anchors resolved, with
 * {@code info.version} set to the application's version.
 */
record OpenApiDocument(byte[] yaml, byte[] json) {

    static final String RESOURCE = "META-INF/openapi.yaml";

    @SuppressWarnings("unchecked")
    static OpenApiDocument read(String version) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            ((Map<String, Object>) document.get("info")).put("version", version);
            DumperOptions block = new DumperOptions();
            block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            block.setWidth(120);
            String yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(block), block).dump(document);
            return new OpenApiDocument(yaml.getBytes(StandardCharsets.UTF_8),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE, e);
        }
    }
}
