package dev.modelfn.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a real process on a free loopback
 * port, with its own copy of the demo model store (unless {@code modelfn.store.uri} is given), for tests of what
 * only a process shows: signals, heap limits, several instances.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path store;
    private final Path log;

    private AppProcess(Process process, int port, Path store, Path log) {
        this.process = process;
        this.port = port;
        this.store = store;
        this.log = log;
    }

    /** Starts the packaged application (see {@link #launcher()}) with {@code jvmOptions} (e.g. {@code -Xmx80m}) and {@code settings} as system properties. */
    public static AppProcess start(List<String> jvmOptions, Map<String, String> settings) throws Exception {
        int port = freePort();
        Path store = Files.createTempDirectory("modelfn-app-store");
        StoreFolderResource.copyTree(Path.of("models"), store);
        Path log = Files.createTempFile("modelfn-app", ".log");
        List<String> command = new ArrayList<>(launcher());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("modelfn.store.uri", store.toUri().toString());
        all.put("modelfn.train.data-root", Path.of("src/test/resources/data").toAbsolutePath().toString());
        all.putAll(settings);
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (command.get(0).endsWith("java")) {
            command.add("-jar");
            command.add(Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, port, store, log);
        app.awaitReady();
        return app;
    }

    /**
     * What the build packaged: the native executable after {@code -Dnative} (it takes {@code -Xmx} and
     * {@code -D} options as the JVM does), else the JVM that runs the jar.
     */
    private static List<String> launcher() throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        if ("native".equals(artifact.getProperty("type"))) {
            return List.of(Path.of("target", artifact.getProperty("path")).toAbsolutePath().toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public Path store() {
        return store;
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The status of GET {@code path}, or -1 when nothing answers. */
    public int status(String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri(path).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited at startup:\n" + log());
            }
            if (status("/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The application did not become ready:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly().waitFor();
        StoreFolderResource.deleteTree(store);
        Files.deleteIfExists(log);
    }
}
