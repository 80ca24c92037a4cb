package dev.modelfn.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where failures become HTTP answers. Funqy hands every exception a function throws to
 * Vert.x as a route failure (wrapped in its own ApplicationException), and fails requests it cannot
 * read with a bare status code; both end here as {@code application/problem+json} and are logged once.
 * Under /v2 (the Open Inference Protocol) the same failure is answered as the protocol's {@code {"error": "..."}}.
 */
@ApplicationScoped
public class ProblemResponder {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:modelfn:problem:";
    private static final Logger LOG = Logger.getLogger(ProblemResponder.class);

    private final ObjectMapper json;

    public ProblemResponder(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::respond);
    }

    void respond(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        Throwable failure = failureOf(context);
        Map<String, Object> body = failure != null ? describe(failure) : describe(context);
        int status = (int) body.get("status");
        log(context.request().method() + " " + context.request().path(), status, body, failure);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"status\":" + status + "}";
        }
        ProblemException problem = problemIn(failure);
        if (problem != null) {
            problem.headers().forEach(context.response()::putHeader);
        }
        if (isOpenInferencePath(context.normalizedPath())) {
            // the Open Inference Protocol's clients read the reason from "error"
            context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(errorBody(body.get("detail")));
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(text);
    }

    /**
     * The route's failure; for a bare 406, which is how Funqy refuses a method other than GET and POST, the 405
     * that says which methods a function takes.
     */
    private static Throwable failureOf(RoutingContext context) {
        if (context.failure() == null && context.statusCode() == 406) {
            String method = context.request().method().name();
            if (!method.equals("GET") && !method.equals("POST")) {
                return new MethodNotAllowedException("GET, POST", "Functions take POST with a JSON body (and GET with"
                        + " query parameters where the function says so); " + method + " is not served.");
            }
        }
        return context.failure();
    }

    private static boolean isOpenInferencePath(String path) {
        return path.equals("/v2") || path.startsWith("/v2/");
    }

    private String errorBody(Object detail) {
        try {
            return json.writeValueAsString(Map.of("error", String.valueOf(detail)));
        } catch (JsonProcessingException e) {
            return "{\"error\":\"request failed\"}";
        }
    }

    /**
     * Logs, as a failed HTTP request would be, a failure that no HTTP answer carries: a Lambda invocation,
     * whose failure becomes an invocation error or an SQS batch item failure instead.
     */
    public void logUnanswered(String where, Throwable failure) {
        Map<String, Object> body = describe(failure);
        log(where, (int) body.get("status"), body, failure);
    }

    private Map<String, Object> describe(RoutingContext context) {
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        return switch (status) {
            case 400 -> body(400, "malformed-request", "Invalid input", "The request body could not be read.");
            case 404 -> body(404, "no-such-function", "Not found",
                    "No function at " + context.request().path() + ".");
            case 405 -> body(405, "method-not-allowed", "Method not allowed", "Functions take POST or GET.");
            case 413 -> body(413, "body-too-large", "Request too large",
                    "The request body is over the limit set by quarkus.http.limits.max-body-size.");
            default -> body(status, "http-" + status, "HTTP " + status, "The request failed with status " + status + ".");
        };
    }

    private static Map<String, Object> describe(Throwable failure) {
        ProblemException problem = problemIn(failure);
        if (problem == null) {
            problem = UnreadableRequests.problemFor(failure);
        }
        if (problem == null) {
            return body(500, "internal-error", "Internal error",
                    "The function failed unexpectedly; the cause is in its log.");
        }
        Map<String, Object> body = body(problem.status(), problem.type(), problem.title(), problem.detail());
        body.putAll(problem.extensions());
        return body;
    }

    private static Map<String, Object> body(int status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    private static ProblemException problemIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    /** One line per failure; the path, detail and context may hold what a caller sent, so they are escaped. */
    private static void log(String where, int status, Map<String, Object> body, Throwable failure) {
        if (status >= 500 && problemIn(failure) == null) {
            LOG.errorf(failure, "%s failed: %s", LogText.escape(where), LogText.escape(body.get("detail")));
        } else {
            ProblemException problem = problemIn(failure);
            String context = problem == null || problem.logContext() == null ? "" : " [" + problem.logContext() + "]";
            LOG.warnf("%s answered %d %s: %s%s", LogText.escape(where), status, body.get("type"),
                    LogText.escape(body.get("detail")), LogText.escape(context));
        }
    }
}
