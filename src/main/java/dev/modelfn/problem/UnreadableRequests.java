package dev.modelfn.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.vertx.core.http.HttpClosedException;

/**
 * Names the failures that are the request's fault although no function threw a problem for them: Funqy
 * reads function inputs and event data itself and fails with Jackson's exception, and a client that
 * closes the connection mid-body fails the request with Vert.x's. Without this they would be 500s.
 */
final class UnreadableRequests {

    private UnreadableRequests() {
    }

    /** The problem for a failure caused by an unreadable request, or null when it is not one. */
    static ProblemException problemFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return new InvalidInputException("malformed-request",
                        "The request body is over a JSON reading limit (nesting depth, number or string length).");
            }
            if (t instanceof StreamReadException || t instanceof MismatchedInputException m && isRequest(m)) {
                return new InvalidInputException("malformed-request",
                        "The request body is not valid JSON of the expected shape.");
            }
            if (t instanceof HttpClosedException) {
                return new InvalidInputException("incomplete-request",
                        "The connection closed before the request was complete.");
            }
        }
        return null;
    }

    /** A mismatch while reading, not one while converting a value the function built itself. */
    private static boolean isRequest(MismatchedInputException e) {
        return e.getProcessor() instanceof JsonParser;
    }
}
