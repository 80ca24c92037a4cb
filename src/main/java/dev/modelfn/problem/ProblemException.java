package dev.modelfn.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller can act on. Each subclass is one kind of failure with its HTTP status;
 * {@link ProblemResponder} turns any of them into an {@code application/problem+json} answer.
 */
public abstract class ProblemException extends RuntimeException {

    private final String type;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private String logContext;

    private final Map<String, String> headers = new LinkedHashMap<>();

    protected ProblemException(String type, String title, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.title = title;
    }

    /** HTTP status of this kind of failure. */
    public abstract int status();

    /** Short slug naming the kind of failure, e.g. {@code invalid-feature-value}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra members of the problem body, e.g. the row and feature at fault. */
    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /**
     * What the log line of this failure adds after the detail, e.g. {@code model=iris rows=3 latencyMs=0.4};
     * never part of the answer. Must never hold feature values.
     */
    public ProblemException logContext(String context) {
        this.logContext = context;
        return this;
    }

    /** See {@link #logContext(String)}; null when none was given. */
    public String logContext() {
        return logContext;
    }

    /** HTTP headers the answer carries besides the body, e.g. {@code Retry-After} or {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
