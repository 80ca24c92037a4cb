package dev.modelfn.store;

import java.util.regex.Pattern;

import dev.modelfn.problem.InvalidInputException;

/**
 * Model names and versions become parts of store keys, so both are held to one safe pattern: no
 * slash, no leading dot, nothing that can leave the store root.
 */
public final class Names {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && SAFE.matcher(name).matches();
    }

    public static String requireModel(String name) {
        return require(name, "model");
    }

    public static String requireVersion(String version) {
        return require(version, "version");
    }

    private static String require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("missing-" + what, "The request must name a " + what + ".");
        }
        if (!isValid(value)) {
            throw new InvalidInputException("invalid-" + what + "-name",
                    "A " + what + " name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return value;
    }
}
