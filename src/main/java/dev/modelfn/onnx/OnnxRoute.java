package dev.modelfn.onnx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.modelfn.lifecycle.VersionCatalog;
import dev.modelfn.model.ServableModel;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /models/{model}/onnx} (the version served here, else the store's current) and
 * {@code GET /models/{model}/versions/{version}/onnx}: the version as an ONNX model, exported from the loaded
 * model (a version not served here is loaded from the store, with the same checks as describe). Access is that
 * of {@code models} and {@code describe}; failures answer problem+json like the functions.
 */
@ApplicationScoped
public class OnnxRoute {

    /** Before Funqy's catch-all route, after the body handler and the access gate. */
    static final int ORDER = -1;

    private final VersionCatalog catalog;

    public OnnxRoute(VersionCatalog catalog) {
        this.catalog = catalog;
    }

    void install(@Observes Router router) {
        router.get("/models/:model/onnx").order(ORDER).handler(this::export);
        router.get("/models/:model/versions/:version/onnx").order(ORDER).handler(this::export);
    }

    private void export(RoutingContext context) {
        String model = context.pathParam("model");
        String version = context.pathParam("version");
        context.vertx().executeBlocking(() -> {
            ServableModel found = catalog.resolve(model, version);
            return new Exported(found.version(), found.onnx().bytes());
        }, false).onComplete(done -> {
            if (done.failed()) {
                context.fail(done.cause());
                return;
            }
            Exported exported = done.result();
            context.response().setStatusCode(200)
                    .putHeader("Content-Type", "application/octet-stream")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + model + "-" + exported.version() + ".onnx\"")
                    .putHeader("Modelfn-Version", exported.version())
                    .end(Buffer.buffer(exported.bytes()));
        });
    }

    private record Exported(String version, byte[] bytes) {
    }
}
