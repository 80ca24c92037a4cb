package dev.modelfn.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AWS Lambda Runtime API (2018-06-01) on 127.0.0.1, as the Lambda service offers it to a custom runtime:
 * {@code GET .../invocation/next} hands out the queued events one at a time, and the runtime posts each
 * answer to {@code .../invocation/{id}/response} (or {@code /error}). {@link #invoke} queues one event and
 * waits for its answer.
 */
final class LambdaRuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime";

    /** What the runtime posted for one invocation. */
    record Answer(boolean error, String body) {
    }

    private record Invocation(String id, String event) {
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

    LambdaRuntimeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(PREFIX + "/invocation/", this::invocation);
        server.createContext(PREFIX + "/init/error", exchange -> reply(exchange, 202, "{}"));
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API} for the runtime. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    Answer invoke(String event, Duration timeout) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        answers.put(id, answer);
        queue.add(new Invocation(id, event));
        return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void invocation(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring((PREFIX + "/invocation/").length());
        if (path.equals("next") && exchange.getRequestMethod().equals("GET")) {
            Invocation next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 500, "{}");
                return;
            }
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.id());
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                    Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:eu-west-1:123456789012:function:modelfn-predict");
            reply(exchange, 200, next.event());
            return;
        }
        String[] parts = path.split("/");
        CompletableFuture<Answer> answer = parts.length == 2 ? answers.remove(parts[0]) : null;
        if (answer == null) {
            reply(exchange, 404, "{}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        answer.complete(new Answer(parts[1].equals("error"), body));
        reply(exchange, 202, "{}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
