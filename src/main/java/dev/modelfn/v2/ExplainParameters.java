package dev.modelfn.v2;

import dev.modelfn.model.Explain;
import dev.modelfn.problem.InvalidInputException;

/**
 * The inference request parameters that ask for explanations: {@code explain} (a boolean) and {@code explain_top}
 * (a positive integer: keep the k largest contributions per output; implies {@code explain}). Either wire hands over
 * each parameter's value as a Boolean, a Long or a String, or null when the request lacks it.
 */
public final class ExplainParameters {

    public static final String EXPLAIN = "explain";
    public static final String EXPLAIN_TOP = "explain_top";

    private ExplainParameters() {
    }

    /** What the parameters ask to have explained, or null for nothing. */
    public static Explain of(Object explain, Object top) {
        if (explain != null && !(explain instanceof Boolean)) {
            throw invalid("'" + EXPLAIN + "' must be a boolean parameter.");
        }
        if (top == null) {
            return Boolean.TRUE.equals(explain) ? Explain.ALL : null;
        }
        if (!(top instanceof Long k) || k < 1) {
            throw invalid("'" + EXPLAIN_TOP + "' must be an integer parameter from 1.");
        }
        if (Boolean.FALSE.equals(explain)) {
            throw invalid("'" + EXPLAIN_TOP + "' asks for explanations, which 'explain': false refuses; send one of them.");
        }
        return new Explain((int) Math.min(k, Integer.MAX_VALUE));
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException("v2-invalid-parameter", detail);
    }
}
