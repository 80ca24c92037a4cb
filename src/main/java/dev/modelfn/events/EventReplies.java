package dev.modelfn.events;

import java.util.Map;

import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;

/**
 * Builds the reply to an event. Type and source come from the function's mapping in
 * application.properties; the reply names the event it answers in the {@code requestid} extension, so a
 * caller reading replies from a Broker can match them to what it sent.
 */
final class EventReplies {

    /** CloudEvents extension attribute that carries the id of the event being answered. */
    static final String REQUEST_ID = "requestid";

    private EventReplies() {
    }

    static <T> CloudEvent<T> reply(CloudEvent<?> request, String subject, T data) {
        return CloudEventBuilder.create()
                .subject(subject)
                .extensions(Map.of(REQUEST_ID, request.id()))
                .build(data);
    }
}
