package dev.modelfn.events;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.problem.ProblemException;
import dev.modelfn.problem.UnsupportedMediaException;
import dev.modelfn.v2.GrpcCalls;
import io.quarkus.funqy.runtime.bindings.knative.events.FunqyKnativeEventsConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before Funqy's knative-events handler, which serves {@code /} and every {@code /<function>} once that
 * binding is installed. A CloudEvent must pass {@link EventEnvelope}; a plain POST keeps the contract it
 * had under funqy-http alone, which read every body as JSON whatever its Content-Type and took no body
 * for an empty request (the knative-events handler answers those with 406 and 500). Problems fail the
 * request, so ProblemResponder answers.
 */
@ApplicationScoped
public class RequestGate {

    /** After the body handler (Integer.MIN_VALUE + 1), before the routes Funqy adds without an order (0, 1, ...). */
    private static final int ORDER = -1;

    private final EventEnvelope envelope;
    private final ObjectMapper json;
    private final EventTrace trace;

    public RequestGate(FunqyKnativeEventsConfig events, ObjectMapper json, EventTrace trace) {
        this.trace = trace;
        Set<String> types = events.mapping().values().stream()
                .flatMap(mapping -> mapping.trigger().stream())
                .collect(Collectors.toSet());
        this.envelope = new EventEnvelope(types, json);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.post().order(Integer.MIN_VALUE).handler(RequestGate::formsAsJson);
        router.post().order(ORDER).handler(this::check);
    }

    /**
     * Runs before the body handler, which would decode a form or multipart body into attributes (failing
     * with a 500 on a stray '%', or leaving the function no body at all). {@code curl -d} sends JSON as a
     * form, so a plain POST's form body is read as JSON like any other; event data must be JSON.
     */
    private static void formsAsJson(RoutingContext context) {
        MultiMap headers = context.request().headers();
        String contentType = headers.get("Content-Type");
        if (contentType != null && (contentType.startsWith("multipart/form-data")
                || contentType.startsWith("application/x-www-form-urlencoded"))) {
            if (EventEnvelope.isBinary(headers)) {
                context.fail(new UnsupportedMediaException("unsupported-data-content-type",
                        "The event data must be application/json, not " + contentType + "."));
                return;
            }
            headers.set("Content-Type", "application/json");
        }
        context.next();
    }

    private void check(RoutingContext context) {
        if (GrpcCalls.isGrpc(context)) {
            // streamed to the gRPC server untouched
            context.next();
            return;
        }
        MultiMap headers = context.request().headers();
        Buffer body = context.body().buffer();
        try {
            if (EventEnvelope.isCloudEvent(headers)) {
                trace.continueIn(context, envelope.check(headers, body == null ? new byte[0] : body.getBytes()));
            } else {
                plainJson(context, headers, body);
            }
            // /predict and the Open Inference Protocol's routes read their bodies strictly themselves
            if (body != null && !context.request().path().equals("/predict")
                    && !context.normalizedPath().startsWith("/v2/")) {
                OneJsonValue.check(json, body.getBytes());
            }
        } catch (ProblemException problem) {
            context.fail(problem);
            return;
        }
        context.next();
    }

    private static void plainJson(RoutingContext context, MultiMap headers, Buffer body) {
        String contentType = headers.get("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            headers.set("Content-Type", "application/json");
        }
        if (body == null) {
            context.setBody(Buffer.buffer());
        }
    }
}
