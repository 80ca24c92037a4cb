package dev.modelfn.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.problem.ForbiddenException;
import dev.modelfn.problem.KeyUnavailableException;
import dev.modelfn.problem.UnauthorizedException;
import dev.modelfn.v2.GrpcCalls;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Enforces {@link AccessPolicy} in front of every route that serves a function: Funqy's HTTP and
 * CloudEvents handlers and {@code PredictRoute}. Tokens are verified with {@code quarkus-smallrye-jwt}'s
 * parser (keys and claims checks from {@code mp.jwt.verify.*}) only when a function needs one; Quarkus'
 * own HTTP authentication stays lazy ({@code quarkus.http.auth.proactive=false}) and is never asked, so
 * a bad token on an open function is ignored and every refusal is a problem body, not an empty 401.
 */
@ApplicationScoped
public class AccessGate {

    /** After the body handler (Integer.MIN_VALUE + 1), before RequestGate and PredictRoute (-1). */
    private static final int ORDER = -2;
    private static final Logger LOG = Logger.getLogger(AccessGate.class);
    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String BEARER = "Bearer ";

    private final AccessPolicy policy;
    private final JWTParser tokens;
    private final ObjectMapper json;

    public AccessGate(AccessPolicy policy, JWTParser tokens, ObjectMapper json) {
        this.policy = policy;
        this.tokens = tokens;
        this.json = json;
    }

    void install(@Observes Router router) {
        if (policy.enabled()) {
            router.route().order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        if (GrpcCalls.isGrpc(context)) {
            // GrpcAccessGate applies the same policy to gRPC calls, with gRPC status codes
            context.next();
            return;
        }
        Access access = policy.required(context.normalizedPath(), eventTypes(context));
        if (access == Access.OPEN) {
            context.next();
        } else if (!policy.keyConfigured()) {
            context.fail(new ForbiddenException("auth-not-configured", "This function needs a bearer token with group "
                    + access.groupsNeeded() + ", and no key to verify tokens is configured, so it is disabled. "
                    + "Set mp.jwt.verify.publickey.location (a PEM or JWKS file or URL) to enable it, or "
                    + "modelfn.auth.enabled=false to serve it without tokens."));
        } else if (!hasBearer(context)) {
            context.fail(new UnauthorizedException("missing-token",
                    "This function needs an 'Authorization: Bearer <JWT>' header with group " + access.groupsNeeded() + "."));
        } else {
            String token = context.request().getHeader("Authorization").substring(BEARER.length()).trim();
            // a JWKS location may be fetched while verifying, so never on the event loop
            context.vertx().executeBlocking(() -> tokens.parse(token), false).onComplete(verified -> {
                if (verified.failed() && keyUnreachable(verified.cause())) {
                    context.fail(new KeyUnavailableException("The key that verifies bearer tokens cannot be fetched "
                            + "now, so the token could not be checked; try again later.")
                            .logContext("key " + policy.keyLocation() + " unreachable: " + reason(verified.cause())));
                } else if (verified.failed()) {
                    LOG.debugf("Bearer token refused on %s: %s", context.normalizedPath(), reason(verified.cause()));
                    context.fail(new UnauthorizedException("invalid-token", "The bearer token was refused: it is "
                            + "malformed, expired, not yet valid, or not signed with the configured key."));
                } else if (!access.allows(verified.result().getGroups())) {
                    context.fail(new ForbiddenException("forbidden", "This function needs group " + access.groupsNeeded()
                            + "; the token's groups are " + verified.result().getGroups() + "."));
                } else {
                    context.next();
                }
            });
        }
    }

    /**
     * Whether verifying failed because the key could not be fetched (a JWKS or PEM URL that does not answer),
     * which smallrye-jwt reports as an invalid token; a key that was fetched but does not match the token is
     * the token's fault.
     */
    private static boolean keyUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getMessage() + (root == failure ? "" : " (" + root.getMessage() + ")");
    }

    private static boolean hasBearer(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /**
     * The types a CloudEvent could be taken for: binary ({@code ce-type}) and structured ({@code type});
     * both count when a request carries both, so neither can hide the other.
     */
    private List<String> eventTypes(RoutingContext context) {
        List<String> types = new ArrayList<>(2);
        String binary = context.request().getHeader("ce-type");
        if (binary != null) {
            types.add(binary);
        }
        String contentType = context.request().getHeader("Content-Type");
        Buffer body = context.body().buffer();
        if (contentType != null && contentType.startsWith(STRUCTURED) && body != null) {
            try {
                JsonNode type = json.readTree(body.getBytes()).path("type");
                if (type.isTextual()) {
                    types.add(type.asText());
                }
            } catch (IOException e) {
                // not an event Funqy can read either: RequestGate refuses it
            }
        }
        return types;
    }
}
