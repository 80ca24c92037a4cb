package dev.modelfn.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.ext.web.RoutingContext;

/**
 * Continues the trace a CloudEvent carries in its {@code traceparent} extension attribute (a structured
 * event's member, or a binary event's {@code ce-traceparent} header). The HTTP server span only follows
 * the HTTP {@code traceparent} header; when the event names another trace, the event is handled in a
 * consumer span of that trace, which ends with the answer. With the OpenTelemetry SDK off the tracer is
 * a no-op and nothing is recorded; in a build without OpenTelemetry ({@code quarkus.otel.enabled=false},
 * the default) there is no tracer and nothing is done.
 */
@ApplicationScoped
public class EventTrace {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public EventTrace(Instance<Tracer> tracer) {
        this.tracer = tracer.isResolvable() ? tracer.get() : null;
    }

    void continueIn(RoutingContext context, String traceparent) {
        if (traceparent == null || tracer == null) {
            return;
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
        SpanContext event = Span.fromContext(parent).getSpanContext();
        SpanContext http = Span.current().getSpanContext();
        if (!event.isValid() || !http.isValid() || event.getTraceId().equals(http.getTraceId())) {
            return;
        }
        Span span = tracer.spanBuilder("modelfn event").setParent(parent).setSpanKind(SpanKind.CONSUMER).startSpan();
        Scope scope = span.makeCurrent();
        context.addEndHandler(done -> {
            scope.close();
            span.end();
        });
    }
}
