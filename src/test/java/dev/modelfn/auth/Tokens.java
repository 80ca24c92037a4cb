package dev.modelfn.auth;

import java.time.Instant;

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
}
