package dev.modelfn.v2.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.modelfn.metrics.Protocol;
import dev.modelfn.model.Explain;
import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.v2.ExplainParameters;
import dev.modelfn.v2.V2Inference;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The Open Inference Protocol v2 over REST, on the functions' port: health, server and model metadata,
 * and inference. Like {@code PredictRoute}, small inference bodies are answered on the event loop that
 * received them; metadata reads the store, so it runs on a worker. Failures go to {@code ProblemResponder},
 * which answers /v2 paths in the protocol's {@code {"error": "..."}} shape.
 */
@ApplicationScoped
public class V2Route {

    /** Before Funqy's catch-all route, after the body handler and the access gate. */
    static final int ORDER = -1;
    static final int EVENT_LOOP_MAX_BODY = 48 * 1024;
    private static final String MODEL = "/v2/models/:model";
    private static final String VERSION = MODEL + "/versions/:version";

    private final V2Inference inference;
    private final ObjectMapper json;
    private final ObjectReader reader;
    private final InferResponseWriter answers;
    private final String serverVersion;

    public V2Route(V2Inference inference, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String serverVersion) {
        this.inference = inference;
        this.json = json;
        this.reader = json.readerFor(InferRequest.class);
        this.answers = new InferResponseWriter(json.getFactory());
        this.serverVersion = serverVersion;
    }

    void install(@Observes Router router) {
        router.get("/v2").order(ORDER).handler(c -> write(c, 200,
                Map.of("name", V2Inference.SERVER_NAME, "version", serverVersion, "extensions", List.of())));
        router.get("/v2/health/live").order(ORDER).handler(c -> write(c, 200, Map.of("live", true)));
        router.get("/v2/health/ready").order(ORDER).handler(c -> {
            boolean ready = inference.serverReady();
            write(c, ready ? 200 : 503, Map.of("ready", ready));
        });
        for (String path : List.of(MODEL, VERSION)) {
            router.get(path).order(ORDER).handler(c -> blocking(c, () -> inference.describe(model(c), version(c))));
            router.get(path + "/ready").order(ORDER).handler(c -> {
                boolean ready;
                try {
                    ready = inference.ready(model(c), version(c));
                } catch (RuntimeException e) {
                    c.fail(e);
                    return;
                }
                write(c, ready ? 200 : 503, Map.of("name", model(c), "ready", ready));
            });
            router.post(path + "/infer").order(ORDER).handler(this::infer);
        }
    }

    private static String model(RoutingContext context) {
        return context.pathParam("model");
    }

    private static String version(RoutingContext context) {
        return context.pathParam("version");
    }

    private void infer(RoutingContext context) {
        Buffer body = context.body().buffer();
        if (body != null && body.length() > EVENT_LOOP_MAX_BODY) {
            context.vertx().executeBlocking(() -> {
                answer(context, body);
                return null;
            }, false);
        } else {
            answer(context, body);
        }
    }

    private void answer(RoutingContext context, Buffer body) {
        try {
            InferRequest request = read(body);
            V2Inference.Answer answer = inference.infer(model(context), version(context),
                    () -> JsonTensors.decode(request.inputs()), requested(request), explain(request), Protocol.V2_REST);
            context.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(answers.write(answer, request.id())));
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    private InferRequest read(Buffer body) {
        if (body == null || body.length() == 0) {
            throw new InvalidInputException("v2-empty-body", "The body must be an inference request: {\"inputs\": [...]}.");
        }
        try {
            InferRequest request = reader.readValue(body.getBytes());
            if (request == null) {
                throw new InvalidInputException("v2-not-an-object", "The body must be a JSON object.");
            }
            return request;
        } catch (JsonMappingException e) {
            StringBuilder where = new StringBuilder();
            for (JsonMappingException.Reference at : e.getPath()) {
                if (at.getFieldName() != null) {
                    where.append(where.length() == 0 ? " at " : ".").append(at.getFieldName());
                } else if (at.getIndex() >= 0) {
                    where.append('[').append(at.getIndex()).append(']');
                }
            }
            throw new InvalidInputException("v2-malformed-request", "The body is not an inference request" + where + ".");
        } catch (IOException e) {
            throw new InvalidInputException("v2-malformed-json", "The body is not one valid JSON object.");
        }
    }

    private static Explain explain(InferRequest request) {
        if (request.parameters() == null) {
            return null;
        }
        return ExplainParameters.of(parameter(request.parameters().get(ExplainParameters.EXPLAIN)),
                parameter(request.parameters().get(ExplainParameters.EXPLAIN_TOP)));
    }

    /** A parameter's value as a Boolean, a Long or a String (what the protocol allows), or null. */
    private static Object parameter(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static List<String> requested(InferRequest request) {
        if (request.outputs() == null) {
            return List.of();
        }
        return request.outputs().stream().map(o -> {
            if (o == null || o.name() == null) {
                throw new InvalidInputException("v2-missing-name", "A requested output has no name.");
            }
            return o.name();
        }).toList();
    }

    private <T> void blocking(RoutingContext context, Callable<T> answer) {
        context.vertx().executeBlocking(answer, false).onComplete(done -> {
            if (done.failed()) {
                context.fail(done.cause());
            } else {
                write(context, 200, done.result());
            }
        });
    }

    private void write(RoutingContext context, int status, Object body) {
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(json.writeValueAsBytes(body)));
        } catch (IOException | RuntimeException e) {
            context.fail(e);
        }
    }
}
