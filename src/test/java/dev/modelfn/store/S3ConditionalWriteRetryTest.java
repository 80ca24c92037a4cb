package dev.modelfn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.modelfn.problem.StoreUnavailableException;
import dev.modelfn.support.S3TestServer;

/**
 * A conditional PUT whose connection the server closes: tried once more when the body could not be sent (the
 * write cannot have landed), never when the body was sent and the answer was lost (it may have landed, so the
 * caller must read again). A raw socket server plays S3, one scripted reaction per connection.
 */
class S3ConditionalWriteRetryTest {

    /** larger than the socket buffers, so that a close after the headers fails the body write */
    private static final byte[] BODY = new byte[8 << 20];

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void aBodyThatCouldNotBeSentIsSentAgainUntilAConnectionTakesIt() throws Exception {
        S3BlobStore store = storeOf(Reaction.CLOSE_AFTER_HEADERS, Reaction.CLOSE_AFTER_HEADERS,
                Reaction.CLOSE_AFTER_HEADERS, Reaction.CLOSE_AFTER_HEADERS, Reaction.ANSWER_200);

        assertThat(store.writeIf("m/current", BODY, "\"tag\"")).isTrue();

        assertThat(seen).containsExactly("headers only", "headers only", "headers only", "headers only",
                "whole body, answered 200");
    }

    @Test
    void aWriteWhoseAnswerWasLostIsNotRepeated() throws Exception {
        S3BlobStore store = storeOf(Reaction.CLOSE_AFTER_BODY, Reaction.ANSWER_200);

        assertThatThrownBy(() -> store.writeIf("m/current", BODY, "\"tag\""))
                .as("seen: %s", seen).isInstanceOf(StoreUnavailableException.class);

        assertThat(seen).containsExactly("whole body, no answer");
    }

    @Test
    void aFailedPreconditionIsAnAnswerNotAFailure() throws Exception {
        S3BlobStore store = storeOf(Reaction.ANSWER_412);

        assertThat(store.writeIf("m/current", BODY, "\"stale\"")).isFalse();

        assertThat(seen).containsExactly("whole body, answered 412");
    }

    private enum Reaction { CLOSE_AFTER_HEADERS, CLOSE_AFTER_BODY, ANSWER_200, ANSWER_412 }

    private S3BlobStore storeOf(Reaction... reactions) throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread serving = new Thread(() -> serve(reactions), "fake-s3");
        serving.setDaemon(true);
        serving.start();
        var client = S3TestServer.client(URI.create("http://127.0.0.1:" + server.getLocalPort()));
        return new S3BlobStore(() -> client, "bucket", "");
    }

    private void serve(Reaction... reactions) {
        for (Reaction reaction : reactions) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                long length = contentLength(headers(in));
                if (reaction == Reaction.CLOSE_AFTER_HEADERS) {
                    seen.add("headers only");
                    socket.setSoLinger(true, 0); // reset: the client's body write fails
                    continue;
                }
                in.readNBytes((int) length);
                OutputStream out = socket.getOutputStream();
                switch (reaction) {
                    case CLOSE_AFTER_BODY -> {
                        seen.add("whole body, no answer");
                        socket.setSoLinger(true, 0);
                    }
                    case ANSWER_200 -> {
                        seen.add("whole body, answered 200");
                        answer(out, "200 OK", "");
                    }
                    default -> {
                        seen.add("whole body, answered 412");
                        answer(out, "412 Precondition Failed", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions"
                                + " you specified did not hold</Message></Error>");
                    }
                }
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                seen.add("failed: " + e);
            }
        }
    }

    private static void answer(OutputStream out, String status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nETag: \"new\"\r\nContent-Type: application/xml\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static String headers(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the headers");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static long contentLength(String headers) {
        return headers.lines().map(l -> l.toLowerCase(Locale.ROOT))
                .filter(l -> l.startsWith("content-length:"))
                .mapToLong(l -> Long.parseLong(l.substring("content-length:".length()).trim()))
                .findFirst().orElse(0);
    }
}
