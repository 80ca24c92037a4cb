package dev.modelfn.auth;

import static org.hamcrest.Matchers.equalTo;

import java.security.PrivateKey;
import java.time.Instant;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens as a caller would send them, good and bad, signed with a given key, or (key null) with the
 * {@code smallrye.jwt.sign.key} that {@link JwtKeysResource} configures.
 */
final class Tokens {

    /** The kinds of token every guarded function is tried with. */
    enum Kind {
        NONE, EXPIRED, WRONG_SIGNATURE, WRONG_GROUP, RIGHT_GROUP
    }

    private Tokens() {
    }

    static String of(String group) {
        return of(group, null);
    }

    static String of(String group, PrivateKey key) {
        return sign(Jwt.issuer(JwtKeysResource.ISSUER).subject("tester").groups(group), key);
    }

    /** The {@code Authorization} header for a kind, or null for none; RIGHT_GROUP means {@code rightGroup}. */
    static String header(Kind kind, String rightGroup) {
        return header(kind, rightGroup, null);
    }

    /** As {@link #header(Kind, String)}, the good tokens signed with {@code key} (null: the configured key). */
    static String header(Kind kind, String rightGroup, PrivateKey key) {
        String token = switch (kind) {
            case NONE -> null;
            case EXPIRED -> sign(Jwt.issuer(JwtKeysResource.ISSUER).subject("tester").groups(rightGroup)
                    .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)), key);
            case WRONG_SIGNATURE -> of(rightGroup, JwtKeysResource.newKeyPair().getPrivate());
            case WRONG_GROUP -> of(Access.ADMIN_GROUP.equals(rightGroup) ? Access.USER_GROUP : "someone-else", key);
            case RIGHT_GROUP -> of(rightGroup, key);
        };
        return token == null ? null : "Bearer " + token;
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return key == null ? claims.sign() : claims.sign(key);
    }

    /** Checks the refusal every kind but RIGHT_GROUP gets; returns whether {@code kind} should have passed. */
    static boolean refused(Response response, Kind kind) {
        switch (kind) {
            case NONE -> expect(response, 401, "missing-token").header("WWW-Authenticate", "Bearer");
            case EXPIRED, WRONG_SIGNATURE -> expect(response, 401, "invalid-token");
            case WRONG_GROUP -> expect(response, 403, "forbidden");
            case RIGHT_GROUP -> {
                return false;
            }
        }
        return true;
    }

    private static ValidatableResponse expect(Response response, int status, String type) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", equalTo("urn:modelfn:problem:" + type));
    }
}
