package dev.modelfn.v2.grpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.modelfn.v2.GrpcCalls;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Lets gRPC calls through the HTTP port's router to the gRPC server that Quarkus adds as its last route.
 * Funqy needs the body handler on every route, and a body read into memory can no longer be streamed to
 * the gRPC server ("Request has already been read"), so a gRPC call is marked as having passed the body
 * handler, which then leaves it alone; the gates in front of the functions pass it by too (gRPC calls
 * have their own, {@code GrpcAccessGate}).
 */
@ApplicationScoped
public class GrpcOverHttp {

    void install(@Observes Router router) {
        // before the body handler (Integer.MIN_VALUE + 1)
        router.post().order(Integer.MIN_VALUE).handler(context -> {
            if (GrpcCalls.isGrpc(context) && context instanceof RoutingContextInternal internal) {
                internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
            }
            context.next();
        });
    }
}
