import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the shell examples of README.md and docs/*.md against the packaged function and compares each answer with
 * the one the document shows. Started by docs/check-examples.sh; the conventions are in docs/development.md.
 *
 * <ul>
 *   <li>A fenced block whose info string starts with {@code shell} is run, in order, in one bash session per
 *       document, in a fresh temporary copy of the work tree's models/ (src/ and target/quarkus-app/ are linked,
 *       read only). {@code shell background} blocks are started in the background (a server) and waited for.</li>
 *   <li>The block right after a shell block (blank lines between at most) whose info string contains the word
 *       {@code output} is its answer: the block's stdout and stderr must match it.</li>
 *   <li>Matching: whitespace is ignored; {@code ...} stands for any text; a version id, a UUID or an ISO-8601
 *       time matches any other of its kind; a number matches within one unit of the last digit written
 *       (0.99994 matches 0.9999412; an integer must be equal).</li>
 *   <li>Every {@code localhost:N} or {@code 127.0.0.1:N} of a document gets a free loopback port instead, the
 *       function's port also through QUARKUS_HTTP_PORT; a document that talks to port 8080 without starting the
 *       function itself gets one started as README starts it (dev profile).</li>
 * </ul>
 */
public class CheckExamples {

    private static final Pattern FENCE = Pattern.compile("^```\\s*(.*)$");
    private static final Pattern ADDRESS = Pattern.compile("(localhost|127\\.0\\.0\\.1):(\\d{2,5})");
    private static final String DEFAULT_SERVER = "java -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar";
    private static final long BLOCK_TIMEOUT_SECONDS = 300;
    private static final long START_TIMEOUT_SECONDS = 180;

    record Block(String info, String text, int line, Block answer) {
        boolean runnable() {
            return info.equals("shell") || info.startsWith("shell ");
        }

        boolean background() {
            return runnable() && List.of(info.split("\\s+")).contains("background");
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.exists(root.resolve("target/quarkus-app/quarkus-run.jar"))) {
            System.err.println("No target/quarkus-app/quarkus-run.jar: build it first (./mvnw package -DskipTests).");
            System.exit(2);
        }
        List<Path> docs = new ArrayList<>();
        if (args.length > 0) {
            for (String a : args) {
                docs.add(root.resolve(a));
            }
        } else {
            docs.add(root.resolve("README.md"));
            try (var s = Files.list(root.resolve("docs"))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        int failures = 0;
        int checked = 0;
        for (Path doc : docs) {
            List<Block> blocks = parse(doc);
            if (blocks.stream().noneMatch(Block::runnable)) {
                continue;
            }
            DocRun run = new DocRun(root, doc, blocks);
            try {
                failures += run.run();
                checked += run.checked;
            } finally {
                run.close();
            }
        }
        System.out.println(failures == 0
                ? "check-examples: all " + checked + " examples give the answers shown"
                : "check-examples: " + failures + " example(s) failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    static List<Block> parse(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        record Raw(String info, String text, int line, int end) {}
        List<Raw> raws = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FENCE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            raws.add(new Raw(m.group(1).trim(), text.toString(), start + 1, i));
        }
        List<Block> blocks = new ArrayList<>();
        for (int k = 0; k < raws.size(); k++) {
            Raw r = raws.get(k);
            Block answer = null;
            if (k + 1 < raws.size()) {
                Raw next = raws.get(k + 1);
                boolean adjacent = lines.subList(r.end() + 1, next.line() - 1).stream().allMatch(String::isBlank);
                if (adjacent && List.of(next.info().split("\\s+")).contains("output")) {
                    answer = new Block(next.info(), next.text(), next.line(), null);
                    k++;
                }
            }
            blocks.add(new Block(r.info(), r.text(), r.line(), answer));
        }
        return blocks;
    }

    /** One document's examples, in one bash session and one temporary directory. */
    static final class DocRun implements AutoCloseable {
        final Path root;
        final Path doc;
        final List<Block> blocks;
        final Path dir;
        final Map<String, Integer> ports = new LinkedHashMap<>();
        final List<Long> backgroundPids = new ArrayList<>();
        final Map<Long, List<Integer>> servedPorts = new LinkedHashMap<>();
        final List<Path> backgroundLogs = new ArrayList<>();
        Process bash;
        Writer toBash;
        BufferedReader fromBash;
        int checked;

        DocRun(Path root, Path doc, List<Block> blocks) throws IOException {
            this.root = root;
            this.doc = doc;
            this.blocks = blocks;
            this.dir = Files.createTempDirectory("modelfn-docs-");
            copy(root.resolve("models"), dir.resolve("models"));
            Files.createDirectories(dir.resolve("target"));
            Files.createSymbolicLink(dir.resolve("target/quarkus-app"), root.resolve("target/quarkus-app"));
            for (String link : List.of("src", "mvnw", ".mvn", "pom.xml")) {
                Files.createSymbolicLink(dir.resolve(link), root.resolve(link));
            }
        }

        String name() {
            return root.relativize(doc).toString();
        }

        int run() throws Exception {
            for (Block b : blocks) {
                if (b.runnable()) {
                    Matcher m = ADDRESS.matcher(b.text());
                    while (m.find()) {
                        ports.computeIfAbsent(m.group(2), p -> freePort());
                    }
                }
            }
            ports.computeIfAbsent("8080", p -> freePort());
            ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc").directory(dir.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(ports.get("8080")));
            pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            bash = pb.start();
            toBash = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
            fromBash = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8));
            System.out.println("== " + name() + " (in " + dir + ")");

            boolean startsFunction = blocks.stream().anyMatch(b -> b.background() && b.text().contains("quarkus-run.jar"));
            boolean usesFunction = blocks.stream().anyMatch(b -> b.runnable() && b.text().contains(":8080"));
            int failures = 0;
            if (usesFunction && !startsFunction) {
                failures += background(new Block("shell background", DEFAULT_SERVER + "\n", 0, null));
            }
            for (Block b : blocks) {
                if (!b.runnable()) {
                    continue;
                }
                failures += b.background() ? background(b) : foreground(b);
                if (b.answer() != null) {
                    checked++;
                }
            }
            return failures;
        }

        String substitute(String text) {
            Matcher m = ADDRESS.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, "127.0.0.1:" + ports.get(m.group(2)));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        /** Commands that need more than this host gives, or take minutes: such blocks are marked console. */
        private static final Pattern NOT_HERE = Pattern.compile(
                "(?m)(\\./mvnw\\b(?!.*dependency:)|^\\s*(docker|kubectl|sam|aws|podman)\\s)");

        int foreground(Block b) throws Exception {
            if (NOT_HERE.matcher(b.text()).find()) {
                return fail(b, "needs a build, a container runtime, a cluster or AWS: mark it ```console, not"
                        + " ```shell", "");
            }
            Path script = Files.writeString(dir.resolve(".block-" + b.line() + ".sh"), substitute(b.text()));
            Path out = dir.resolve(".block-" + b.line() + ".out");
            String marker = "__modelfn_block_done__";
            toBash.write("{ source " + script + " ; } > " + out + " 2>&1 < /dev/null; echo " + marker + " $?\n");
            toBash.flush();
            String rc = awaitMarker(marker, BLOCK_TIMEOUT_SECONDS);
            String actual = Files.exists(out) ? Files.readString(out) : "";
            for (Map.Entry<String, Integer> e : ports.entrySet()) {
                actual = actual.replace(":" + e.getValue(), ":" + e.getKey());
            }
            actual = actual.replace("\r", "");
            if (rc == null) {
                return fail(b, "did not finish within " + BLOCK_TIMEOUT_SECONDS + " s", actual);
            }
            if (!rc.equals("0")) {
                return fail(b, "exited with status " + rc, actual);
            }
            if (b.answer() != null && !Matching.matches(b.answer().text(), actual)) {
                return fail(b, "answered differently from line " + b.answer().line(), actual);
            }
            System.out.println("  ok   line " + b.line() + (b.answer() == null ? " (ran)" : " (answer matches)"));
            return 0;
        }

        int background(Block b) throws Exception {
            String text = substitute(b.text());
            // The ports it serves: the function's own, or those the block names (a server's own configuration).
            List<Integer> wait = new ArrayList<>();
            if (text.contains("quarkus-run.jar")) {
                wait.add(ports.get("8080"));
            } else {
                Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(text);
                while (m.find()) {
                    wait.add(Integer.parseInt(m.group(1)));
                }
            }
            // A server started again on the same port: the document stopped the first one (Ctrl-C) before.
            for (Map.Entry<Long, List<Integer>> e : servedPorts.entrySet()) {
                if (e.getValue().stream().anyMatch(wait::contains)) {
                    stop(e.getKey());
                }
            }
            Path script = Files.writeString(dir.resolve(".background-" + b.line() + ".sh"), text);
            Path log = dir.resolve(".background-" + b.line() + ".log");
            backgroundLogs.add(log);
            String marker = "__modelfn_pid__";
            toBash.write("( source " + script + " ) > " + log + " 2>&1 < /dev/null & echo " + marker + " $!\n");
            toBash.flush();
            String pid = awaitMarker(marker, 10);
            if (pid == null) {
                return fail(b, "could not be started", "");
            }
            backgroundPids.add(Long.parseLong(pid));
            servedPorts.put(Long.parseLong(pid), wait);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
            for (int port : wait) {
                while (!listening(port)) {
                    if (ProcessHandle.of(Long.parseLong(pid)).map(ph -> !ph.isAlive()).orElse(true)) {
                        return fail(b, "stopped before it listened on port " + port, Files.readString(log));
                    }
                    if (System.nanoTime() > deadline) {
                        return fail(b, "did not listen on port " + port + " within " + START_TIMEOUT_SECONDS + " s",
                                Files.readString(log));
                    }
                    Thread.sleep(200);
                }
            }
            if (text.contains("quarkus-run.jar")) {
                awaitHttp(ports.get("8080"), "/q/health/started", deadline);
            }
            System.out.println("  ok   " + (b.line() == 0 ? "the function, started as README starts it"
                    : "line " + b.line() + " (started" + (wait.isEmpty() ? "" : ", listening") + ")"));
            return 0;
        }

        String awaitMarker(String marker, long seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (fromBash.ready()) {
                    String line = fromBash.readLine();
                    if (line == null) {
                        return null;
                    }
                    if (line.startsWith(marker + " ")) {
                        return line.substring(marker.length() + 1).trim();
                    }
                    System.out.println("  | " + line);
                } else {
                    Thread.sleep(20);
                }
            }
            return null;
        }

        int fail(Block b, String why, String actual) throws IOException {
            System.out.println("  FAIL " + name() + ":" + b.line() + " " + why);
            System.out.println("  --- command");
            System.out.print(indent(b.text()));
            if (b.answer() != null) {
                System.out.println("  --- answer shown in the document");
                System.out.print(indent(b.answer().text()));
            }
            System.out.println("  --- answer given");
            System.out.print(indent(actual.isEmpty() ? "(nothing)\n" : actual));
            for (Path log : backgroundLogs) {
                if (Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log);
                    System.out.println("  --- last lines of " + log.getFileName());
                    System.out.print(indent(String.join("\n", lines.subList(Math.max(0, lines.size() - 8),
                            lines.size())) + "\n"));
                }
            }
            return 1;
        }

        /** Stops a background block as Ctrl-C would: its processes get SIGTERM, and are waited for. */
        static void stop(long pid) {
            ProcessHandle.of(pid).ifPresent(ph -> {
                List<ProcessHandle> all = new ArrayList<>(ph.descendants().toList());
                all.add(ph);
                all.forEach(ProcessHandle::destroy);
                all.forEach(p -> p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join());
            });
        }

        @Override
        public void close() throws IOException {
            backgroundPids.forEach(DocRun::stop);
            if (bash != null) {
                bash.destroy();
            }
            if (System.getenv("KEEP_DOCS_TMP") == null) {
                delete(dir);
            }
        }
    }

    /** Answers compared token by token; see the class comment for the rules. */
    static final class Matching {
        private static final Pattern TOKEN = Pattern.compile(String.join("|",
                "(?<wild>\\.\\.\\.|…)",
                "(?<version>\\d{8}T\\d{9,15}Z-[0-9a-f]{6,8})",
                "(?<time>\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}([.,]\\d+)?Z?)",
                "(?<uuid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
                "(?<word>[A-Za-z_][A-Za-z0-9_]*)",
                "(?<number>-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?)",
                "(?<space>\\s+)",
                "(?<other>.)"), Pattern.DOTALL);

        record Token(String kind, String text) {}

        static List<Token> tokens(String s) {
            List<Token> out = new ArrayList<>();
            Matcher m = TOKEN.matcher(s);
            while (m.find()) {
                for (String kind : List.of("wild", "version", "time", "uuid", "word", "number", "other")) {
                    if (m.group(kind) != null) {
                        out.add(new Token(kind, m.group(kind)));
                        break;
                    }
                }
            }
            return out;
        }

        static boolean same(Token expected, Token actual) {
            if (!expected.kind().equals(actual.kind())) {
                return false;
            }
            return switch (expected.kind()) {
                case "version", "time", "uuid" -> true;
                case "number" -> closeEnough(expected.text(), actual.text());
                default -> expected.text().equals(actual.text());
            };
        }

        static boolean closeEnough(String expected, String actual) {
            String mantissa = expected.split("[eE]")[0];
            int exponent = expected.matches(".*[eE].*") ? Integer.parseInt(expected.split("[eE]")[1]) : 0;
            int decimals = mantissa.contains(".") ? mantissa.length() - mantissa.indexOf('.') - 1 : 0;
            double e = Double.parseDouble(expected);
            double a = Double.parseDouble(actual);
            if (decimals == 0 && exponent == 0) {
                return e == a;
            }
            return Math.abs(e - a) <= Math.pow(10, exponent - decimals) * (1 + 1e-9);
        }

        /** Glob matching over tokens: the wildcard takes any run of tokens. */
        static boolean matches(String expected, String actual) {
            List<Token> p = tokens(expected);
            List<Token> t = tokens(actual);
            int i = 0;
            int j = 0;
            int star = -1;
            int mark = 0;
            while (j < t.size()) {
                if (i < p.size() && !p.get(i).kind().equals("wild") && same(p.get(i), t.get(j))) {
                    i++;
                    j++;
                } else if (i < p.size() && p.get(i).kind().equals("wild")) {
                    star = i++;
                    mark = j;
                } else if (star >= 0) {
                    i = star + 1;
                    j = ++mark;
                } else {
                    return false;
                }
            }
            while (i < p.size() && p.get(i).kind().equals("wild")) {
                i++;
            }
            return i == p.size();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitHttp(int port, String path, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                        .openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(200);
        }
    }

    static String indent(String s) {
        return s.lines().map(l -> "  | " + l).reduce("", (a, l) -> a + l + "\n");
    }

    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void delete(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
