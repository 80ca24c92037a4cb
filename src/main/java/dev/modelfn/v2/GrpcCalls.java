package dev.modelfn.v2;

import io.vertx.ext.web.RoutingContext;

/**
 * Tells gRPC calls from the other requests on the HTTP port. The gRPC service and what lets its calls through
 * the router live in {@code src/grpc/java}, left out of a build with {@code -Dwithout-grpc}; a gRPC call to such
 * a build finds no route.
 */
public final class GrpcCalls {

    private GrpcCalls() {
    }

    /** Whether the request is a gRPC call ({@code application/grpc}, {@code application/grpc+proto}, ...). */
    public static boolean isGrpc(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        return contentType != null && contentType.startsWith("application/grpc");
    }
}
