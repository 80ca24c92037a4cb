package dev.modelfn.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the fuzzer sends. {@code contentLength} may differ from the body's length on purpose; then
 * the connection cannot be trusted afterwards, and with {@code halfClose} the sender stops writing after
 * the short body, so the server sees the body end early.
 */
record HostileRequest(String function, String mutation, String method, String target, Map<String, String> headers,
        byte[] body, long contentLength, boolean halfClose) {

    static HostileRequest post(String function, String mutation, String path, String contentType, String body) {
        return post(function, mutation, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static HostileRequest post(String function, String mutation, String path, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new HostileRequest(function, mutation, "POST", path, headers, body, body.length, false);
    }

    static HostileRequest get(String function, String mutation, String target) {
        return new HostileRequest(function, mutation, "GET", target, new LinkedHashMap<>(), new byte[0], 0, false);
    }

    HostileRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HostileRequest(function, mutation, method, target, more, body, contentLength, halfClose);
    }

    /** Declares a body shorter or longer than the one sent. */
    HostileRequest withContentLength(long declared, boolean closeAfterBody) {
        return new HostileRequest(function, mutation + "+content-length", method, target, headers, body, declared,
                closeAfterBody);
    }

    boolean poisonsConnection() {
        return contentLength != body.length || halfClose;
    }

    /** What a failure report shows of the request: the start of its body. */
    String describe() {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return function + " [" + mutation + "] " + method + " " + (target.length() > 200 ? target.substring(0, 200) + "..." : target)
                + " " + headers + " Content-Length " + contentLength + " of " + body.length + ": " + text;
    }
}
