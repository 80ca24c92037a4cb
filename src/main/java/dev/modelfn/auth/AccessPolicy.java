package dev.modelfn.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import dev.modelfn.config.ModelfnConfig;
import io.quarkus.funqy.runtime.bindings.knative.events.FunqyKnativeEventsConfig;

/**
 * Who may call what, for every surface at once: a request names a function by its path
 * ({@code /train}) and, when it is a CloudEvent, by its event type through the knative-events mapping
 * ({@code modelfn.train} → {@code trainEvent}); the stricter of the two rules applies. Lambda invocations
 * never pass here: invocation rights (IAM) guard them.
 */
@ApplicationScoped
public class AccessPolicy {

    /** Functions that change what is served or stored. */
    private static final Set<String> ADMIN = Set.of("train", "promote", "rollback", "reload", "delete",
            "trainEvent", "modelPromotedEvent");
    /** Functions that only read, open unless {@code modelfn.auth.predict} is on. */
    private static final Set<String> READ = Set.of("predict", "predict-baseline", "predictEvent", "models", "describe");
    /** The Open Inference Protocol's gRPC service; a call's path is its full method name. */
    private static final String GRPC_SERVICE = "inference.GRPCInferenceService/";
    private static final Set<String> GRPC_HEALTH = Set.of("ServerLive", "ServerReady");
    /** Where a verification key for {@code quarkus-smallrye-jwt} can be configured. */
    private static final Set<String> KEY_PROPERTIES = Set.of("mp.jwt.verify.publickey",
            "mp.jwt.verify.publickey.location", "smallrye.jwt.verify.key.location");

    /** quarkus-smallrye-jwt's default for {@code mp.jwt.verify.publickey}: no key. */
    private static final String NO_KEY = "NONE";

    private final boolean enabled;
    private final boolean readsNeedToken;
    private final boolean keyConfigured;
    private final String keyLocation;
    private final Map<String, String> functionsByEventType = new HashMap<>();

    public AccessPolicy(ModelfnConfig config, Config all, FunqyKnativeEventsConfig events) {
        this.enabled = config.auth().enabled();
        this.readsNeedToken = config.auth().predict();
        this.keyConfigured = KEY_PROPERTIES.stream().map(key -> all.getOptionalValue(key, String.class))
                .anyMatch(value -> value.isPresent() && !NO_KEY.equals(value.get()));
        this.keyLocation = all.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .or(() -> all.getOptionalValue("smallrye.jwt.verify.key.location", String.class)).orElse("(inline)");
        events.mapping().forEach((function, mapping) ->
                mapping.trigger().ifPresent(type -> functionsByEventType.put(type, function)));
    }

    /** Whether tokens are checked at all; off in the dev and test profiles. */
    boolean enabled() {
        return enabled;
    }

    /** Whether anyone may call the admin functions, without a token: when token checks are off. */
    public boolean adminOpen() {
        return !enabled;
    }

    /** How the admin functions are guarded, in a few words (health details, the start log). */
    public String adminAccess() {
        if (!enabled) {
            return "open to anyone: modelfn.auth.enabled=false";
        }
        return keyConfigured ? "bearer token with group " + Access.ADMIN_GROUP
                : "disabled (403): no key to verify tokens, set mp.jwt.verify.publickey.location";
    }

    /** Where the verification key is read from, for the log; {@code (inline)} for a key given in the config. */
    String keyLocation() {
        return keyLocation;
    }

    /** Whether a key to verify tokens with is configured; without one nothing that needs a token is served. */
    boolean keyConfigured() {
        return keyConfigured;
    }

    /**
     * What a request needs: {@code path} as the router saw it, {@code eventTypes} the types it carries as a
     * CloudEvent (none for plain requests). An unmapped type names the function of the same name, as in Funqy.
     */
    Access required(String path, List<String> eventTypes) {
        Access access = forFunction(functionAt(path));
        for (String type : eventTypes) {
            access = Access.stricter(access, forFunction(functionsByEventType.getOrDefault(type, type)));
        }
        return access;
    }

    /** The function a path names: its segments without leading or trailing slashes ({@code /train/} is train). */
    private static String functionAt(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private Access forFunction(String function) {
        if (ADMIN.contains(function)) {
            return Access.ADMIN;
        }
        return readsNeedToken && (READ.contains(function) || function.startsWith("models/") || isOpenInferenceRead(function))
                ? Access.USER : Access.OPEN;
    }

    /**
     * The Open Inference Protocol's metadata and inference paths read as predict does; its health paths stay
     * open like /q/health, for probes.
     */
    private static boolean isOpenInferenceRead(String path) {
        if (path.startsWith(GRPC_SERVICE)) {
            return !GRPC_HEALTH.contains(path.substring(GRPC_SERVICE.length()));
        }
        return path.equals("v2") || path.startsWith("v2/") && !path.equals("v2/health/live") && !path.equals("v2/health/ready");
    }
}
