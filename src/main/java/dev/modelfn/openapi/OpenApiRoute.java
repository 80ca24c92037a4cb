package dev.modelfn.openapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /q/openapi}: the static OpenAPI document ({@code META-INF/openapi.yaml}), as YAML, or as JSON with
 * {@code ?format=json} or {@code Accept: application/json}. The functions are Funqy functions and Vert.x routes,
 * which no annotation scanner sees, so the document is the whole description and serving it needs no OpenAPI
 * library: it is read and converted on the first request, never at start.
 */
@ApplicationScoped
public class OpenApiRoute {

    static final String PATH = "/q/openapi";
    /** Before Funqy's catch-all route, after the body handler and the access gate. */
    private static final int ORDER = -1;

    private final String version;
    private volatile OpenApiDocument document;

    public OpenApiRoute(@ConfigProperty(name = "quarkus.application.version") String version) {
        this.version = version;
    }

    void install(@Observes Router router) {
        router.get(PATH).order(ORDER).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        boolean json = "json".equalsIgnoreCase(context.request().getParam("format"))
                || (context.request().getParam("format") == null && acceptsJson(context.request().getHeader("Accept")));
        context.vertx().executeBlocking(() -> document(), false).onComplete(done -> {
            if (done.failed()) {
                context.fail(done.cause());
                return;
            }
            OpenApiDocument loaded = done.result();
            context.response().setStatusCode(200)
                    .putHeader("Content-Type", (json ? "application/json" : "application/yaml") + ";charset=UTF-8")
                    .end(Buffer.buffer(json ? loaded.json() : loaded.yaml()));
        });
    }

    private OpenApiDocument document() {
        OpenApiDocument loaded = document;
        if (loaded == null) {
            loaded = OpenApiDocument.read(version);
            document = loaded;
        }
        return loaded;
    }

    private static boolean acceptsJson(String accept) {
        return accept != null && accept.contains("application/json");
    }
}
