package dev.modelfn.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One POST on a fresh connection ({@code Connection: close}), read to the last byte its Content-Length
 * promises, so that a test can tell an answer in full from a connection refused and from one cut off.
 */
public final class OneShotHttp {

    /** How one request ended. */
    public enum Outcome {
        /** A complete response (status and whole body). */
        ANSWERED,
        /** The connection was refused: nothing listened. */
        REFUSED,
        /** Connected, then the connection ended before a complete response. */
        CUT_OFF
    }

    /** @param status the status of a complete response, else 0 */
    public record Result(Outcome outcome, int status, String headers, String body, String failure) {
    }

    private OneShotHttp() {
    }

    public static Result post(int port, String path, byte[] json, int readTimeoutMillis) {
        Socket socket = new Socket();
        try {
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            } catch (ConnectException e) {
                return new Result(Outcome.REFUSED, 0, null, null, e.toString());
            }
            socket.setSoTimeout(readTimeoutMillis);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            return new Result(Outcome.CUT_OFF, 0, null, null, e.toString());
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // done with it
            }
        }
    }

    private static Result read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return new Result(Outcome.CUT_OFF, 0, head.toString(StandardCharsets.US_ASCII), null,
                        "closed after " + head.size() + " bytes of headers");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int status = Integer.parseInt(headers.substring(9, 12));
        int length = -1;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        if (length < 0) {
            return new Result(Outcome.CUT_OFF, 0, headers, null, "no Content-Length");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return new Result(Outcome.CUT_OFF, 0, headers, null, "body cut at " + body.length + " of " + length);
        }
        return new Result(Outcome.ANSWERED, status, headers, new String(body, StandardCharsets.UTF_8), null);
    }
}
