package dev.modelfn.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HTTP/1.1 over one plain keep-alive socket, so a request can carry any bytes: a wrong Content-Length, a
 * body cut short, a query no URI class accepts. Bodies are written by a second thread while the answer is
 * read, so a 413 sent before the whole body went out is still seen before the server resets the connection.
 */
final class RawHttp implements AutoCloseable {

    /** The answer to one request, or {@code status} -1 when the connection ended without one. */
    record Answer(int status, String contentType, String body) {
    }

    /** A read that waits this long is a hang. */
    static final int TIMEOUT_MILLIS = 20_000;

    private final int port;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fuzz-writer");
        thread.setDaemon(true);
        return thread;
    });
    private Socket socket;

    RawHttp(int port) {
        this.port = port;
    }

    Answer exchange(HostileRequest request) throws IOException {
        if (socket == null) {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
        }
        Socket current = socket;
        byte[] head = head(request);
        Future<?> sent = writer.submit(() -> write(current, head, request));
        try {
            Read answer = read(current.getInputStream());
            if (answer.status() < 0 || request.poisonsConnection() || "close".equals(answer.connection)) {
                drop();
            }
            waitFor(sent);
            return new Answer(answer.status(), answer.contentType(), answer.body());
        } catch (SocketTimeoutException e) {
            drop();
            throw e;
        } catch (IOException e) {
            drop();
            return new Answer(-1, null, e.toString());
        }
    }

    private static void waitFor(Future<?> sent) {
        try {
            sent.get();
        } catch (Exception e) {
            // the server may close the connection before taking the whole body; the answer read decides
        }
    }

    private Void write(Socket target, byte[] head, HostileRequest request) throws IOException {
        OutputStream out = target.getOutputStream();
        byte[] body = request.body();
        if (body.length < 64 * 1024) {
            // one write, one segment: the server sees the whole request at once
            byte[] whole = new byte[head.length + body.length];
            System.arraycopy(head, 0, whole, 0, head.length);
            System.arraycopy(body, 0, whole, head.length, body.length);
            head = whole;
            body = new byte[0];
        }
        out.write(head);
        for (int at = 0; at < body.length; at += 64 * 1024) {
            out.write(body, at, Math.min(64 * 1024, body.length - at));
        }
        out.flush();
        if (request.halfClose()) {
            target.shutdownOutput();
        }
        return null;
    }

    private static byte[] head(HostileRequest request) {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!request.method().equals("GET") || request.body().length > 0) {
            head.append("Content-Length: ").append(request.contentLength()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Read(int status, String contentType, String body, String connection) {
    }

    private static Read read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Read(-1, null, "connection closed without an answer", "close");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String contentType = null;
        String connection = null;
        long length = -1;
        boolean chunked = false;
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> connection = value.toLowerCase(Locale.ROOT);
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes((int) size));
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new EOFException("answer cut short");
            }
            body.write(bytes);
        } else {
            body.write(in.readAllBytes());
            connection = "close";
        }
        return new Read(status, contentType, body.toString(StandardCharsets.UTF_8), connection);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private void drop() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        drop();
        writer.shutdownNow();
    }
}
