package dev.modelfn.auth;

import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

/** Bearer tokens as a caller would send them, good and bad, signed with {@link JwtKeysResource}'s key. */
final class Tokens {

    /** The kinds of token every guarded function is tried with. */
    enum Kind {
        NONE, EXPIRED, WRONG_SIGNATURE, WRONG_GROUP, RIGHT_GROUP
    }

    private Tokens() {
    }

    static String of(String group) {
        return Jwt.subject("tester").groups(group).sign();
    }

    /** The {@code Authorization} header for a kind, or null for none; RIGHT_GROUP means {@code rightGroup}. */
    static String header(Kind kind, String rightGroup) {
        String token = switch (kind) {
            case NONE -> null;
            case EXPIRED -> Jwt.subject("tester").groups(rightGroup).issuedAt(Instant.now().minusSeconds(7200))
                    .expiresAt(Instant.now().minusSeconds(3600)).sign();
            case WRONG_SIGNATURE -> Jwt.subject("tester").groups(rightGroup).sign(JwtKeysResource.newKeyPair().getPrivate());
            case WRONG_GROUP -> of(Access.ADMIN_GROUP.equals(rightGroup) ? Access.USER_GROUP : "someone-else");
            case RIGHT_GROUP -> of(rightGroup);
        };
        return token == null ? null : "Bearer " + token;
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
