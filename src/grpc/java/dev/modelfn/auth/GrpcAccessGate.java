package dev.modelfn.auth;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * {@link AccessGate} for gRPC calls, which Vert.x hands to the gRPC server before any route runs: the same
 * {@link AccessPolicy} (the method's full name is its path), the same bearer tokens in the
 * {@code authorization} metadata, refusals as UNAUTHENTICATED and PERMISSION_DENIED.
 */
@ApplicationScoped
@GlobalInterceptor
public class GrpcAccessGate implements ServerInterceptor {

    private static final Logger LOG = Logger.getLogger(GrpcAccessGate.class);
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "Bearer ";

    private final AccessPolicy policy;
    private final JWTParser tokens;

    public GrpcAccessGate(AccessPolicy policy, JWTParser tokens) {
        this.policy = policy;
        this.tokens = tokens;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        if (!policy.enabled()) {
            return next.startCall(call, headers);
        }
        String method = call.getMethodDescriptor().getFullMethodName();
        Access access = policy.required("/" + method, List.of());
        if (access == Access.OPEN) {
            return next.startCall(call, headers);
        }
        Status refusal = refusal(access, headers.get(AUTHORIZATION));
        if (refusal == null) {
            return next.startCall(call, headers);
        }
        LOG.warnf("gRPC %s refused with %s: %s", method, refusal.getCode(), refusal.getDescription());
        call.close(refusal, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private Status refusal(Access access, String header) {
        if (!policy.keyConfigured()) {
            return Status.PERMISSION_DENIED.withDescription("This call needs a bearer token with group " + access.groupsNeeded()
                    + ", and no key to verify tokens is configured, so it is disabled.");
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Status.UNAUTHENTICATED.withDescription("This call needs 'authorization: Bearer <JWT>' metadata with group "
                    + access.groupsNeeded() + ".");
        }
        try {
            var token = tokens.parse(header.substring(BEARER.length()).trim());
            return access.allows(token.getGroups()) ? null : Status.PERMISSION_DENIED.withDescription(
                    "This call needs group " + access.groupsNeeded() + "; the token's groups are " + token.getGroups() + ".");
        } catch (ParseException e) {
            return Status.UNAUTHENTICATED.withDescription("The bearer token was refused: it is malformed, expired, "
                    + "not yet valid, or not signed with the configured key.");
        }
    }
}
