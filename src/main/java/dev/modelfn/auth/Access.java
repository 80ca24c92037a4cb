package dev.modelfn.auth;

import java.util.Set;

/** Who may call a function, weakest first. */
enum Access {
    /** Anyone, with or without a token. */
    OPEN,
    /** A verified token with group {@code modelfn-user} or {@code modelfn-admin}. */
    USER,
    /** A verified token with group {@code modelfn-admin}. */
    ADMIN;

    static final String USER_GROUP = "modelfn-user";
    static final String ADMIN_GROUP = "modelfn-admin";

    boolean allows(Set<String> groups) {
        return switch (this) {
            case OPEN -> true;
            case USER -> groups.contains(USER_GROUP) || groups.contains(ADMIN_GROUP);
            case ADMIN -> groups.contains(ADMIN_GROUP);
        };
    }

    String groupsNeeded() {
        return this == ADMIN ? ADMIN_GROUP : USER_GROUP + " or " + ADMIN_GROUP;
    }

    static Access stricter(Access a, Access b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
