package dev.modelfn.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.ProblemException;
import dev.modelfn.problem.UnsupportedMediaException;
import io.vertx.core.MultiMap;

/**
 * Checks the envelope of a CloudEvent before Funqy reads it: required attributes, spec version, a mapped
 * type, JSON data. Funqy answers each of these faults with a bare 500 or 404, and Knative retries both;
 * they are the sender's fault, so they become 4xx problems that go straight to the dead-letter sink.
 */
final class EventEnvelope {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");

    private final Set<String> types;
    private final ObjectMapper json;

    EventEnvelope(Set<String> types, ObjectMapper json) {
        this.types = new TreeSet<>(types);
        this.json = json;
    }

    /**
     * Whether the request is meant as a CloudEvent: binary (any required attribute header; Funqy itself looks
     * only for ce-id, and takes an event without it for a plain request to the function at its path),
     * structured or batch (the media type).
     */
    static boolean isCloudEvent(MultiMap headers) {
        String contentType = headers.get("Content-Type");
        return isBinary(headers) || contentType != null
                && (contentType.startsWith(STRUCTURED) || contentType.startsWith(BATCH));
    }

    /** Whether the request carries any of a binary-mode event's required attribute headers. */
    static boolean isBinary(MultiMap headers) {
        for (String attribute : REQUIRED) {
            if (headers.contains("ce-" + attribute)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns when Funqy can hand the event to a function, with the event's {@code traceparent} extension
     * attribute or null; throws the problem otherwise.
     */
    String check(MultiMap headers, byte[] body) {
        String contentType = headers.get("Content-Type");
        if (isBinary(headers)) {
            checkBinary(headers, contentType, body);
            return headers.get("ce-traceparent");
        } else if (contentType.startsWith(BATCH)) {
            throw new UnsupportedMediaException("unsupported-content-mode",
                    "Batched CloudEvents are not accepted; send each event on its own, in binary or structured mode.");
        } else {
            JsonNode event = checkStructured(body);
            JsonNode traceparent = event.get("traceparent");
            return traceparent != null && traceparent.isTextual() ? traceparent.asText() : null;
        }
    }

    private void checkBinary(MultiMap headers, String contentType, byte[] body) {
        List<String> missing = new ArrayList<>();
        for (String attribute : REQUIRED) {
            if (blank(headers.get("ce-" + attribute))) {
                missing.add("ce-" + attribute);
            }
        }
        checkAttributes(missing, headers.get("ce-specversion"), headers.get("ce-type"));
        if (contentType == null || !contentType.startsWith("application/json")) {
            throw new UnsupportedMediaException("unsupported-data-content-type", "The event data must be "
                    + "application/json, not " + (contentType == null ? "untyped" : contentType) + ".");
        }
        if (body.length == 0) {
            throw new InvalidInputException("missing-data", "The event has no data; send the request as its body.");
        }
    }

    private JsonNode checkStructured(byte[] body) {
        JsonNode event = parse(body);
        List<String> missing = new ArrayList<>();
        for (String attribute : REQUIRED) {
            JsonNode value = event.get(attribute);
            if (value == null || !value.isTextual() || blank(value.asText())) {
                missing.add(attribute);
            }
        }
        checkAttributes(missing, event.path("specversion").asText(), event.path("type").asText());
        String dataType = event.path("datacontenttype").asText("application/json");
        if (!dataType.startsWith("application/json") || event.has("data_base64")) {
            throw new UnsupportedMediaException("unsupported-data-content-type",
                    "The event data must be JSON in the 'data' member, not " + dataType
                            + (event.has("data_base64") ? " in 'data_base64'" : "") + ".");
        }
        if (!event.has("data")) {
            throw new InvalidInputException("missing-data", "The event has no 'data' member; put the request there.");
        }
        return event;
    }

    private void checkAttributes(List<String> missing, String specVersion, String type) {
        if (!missing.isEmpty()) {
            throw new InvalidInputException("invalid-cloudevent",
                    "The CloudEvent lacks required attributes: " + String.join(", ", missing) + ".")
                    .with("missing", missing);
        }
        if (!"1.0".equals(specVersion)) {
            throw new InvalidInputException("invalid-cloudevent",
                    "CloudEvents spec version " + specVersion + " is not supported; send 1.0.");
        }
        if (!types.contains(type)) {
            throw problemForType(type);
        }
    }

    private ProblemException problemForType(String type) {
        return new InvalidInputException("unknown-event-type", "No function answers events of type '" + type
                + "'. Accepted types: " + String.join(", ", types) + ".")
                .with("types", List.copyOf(types));
    }

    private JsonNode parse(byte[] body) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException("malformed-json", "The structured CloudEvent is not valid JSON.");
        }
        if (event == null || !event.isObject()) {
            throw new InvalidInputException("not-an-object", "A structured CloudEvent must be a JSON object.");
        }
        return event;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
