package dev.modelfn.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Collects what one logger category logs while a test runs: attach in a {@code @BeforeEach}, close in an
 * {@code @AfterEach}. Works in {@code @QuarkusTest}s, where JBoss LogManager is the JUL log manager.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final boolean quiet;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger, boolean quiet) {
        this.logger = logger;
        this.quiet = quiet;
    }

    public static LogCapture of(Class<?> category) {
        return attach(category, false);
    }

    /**
     * Collects instead of printing: while attached, the category's records reach only this capture, not the
     * console; for a test that causes thousands of expected failures.
     */
    public static LogCapture quietly(Class<?> category) {
        return attach(category, true);
    }

    private static LogCapture attach(Class<?> category, boolean quiet) {
        LogCapture capture = new LogCapture(Logger.getLogger(category.getName()), quiet);
        capture.logger.addHandler(capture);
        if (quiet) {
            capture.logger.setUseParentHandlers(false);
        }
        return capture;
    }

    /**
     * Whether a log line can be written as it is: no control character (so no forged line break) and no
     * unpaired surrogate (which no encoder writes as valid UTF-8).
     */
    public static boolean writable(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1))) {
                i++;
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = (ExtLogRecord) record;
        ext.copyMdc();
        records.add(ext);
    }

    /** The formatted messages, in the order logged. */
    public List<String> messages() {
        return records.stream().map(ExtLogRecord::getFormattedMessage).toList();
    }

    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** The formatter of the application's console log handler, as configured by quarkus.log.console.*. */
    public static java.util.logging.Formatter consoleFormatter() {
        Handler console = find(Logger.getLogger("").getHandlers());
        if (console == null) {
            throw new IllegalStateException("no console log handler");
        }
        return console.getFormatter();
    }

    private static Handler find(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
                return handler;
            }
            if (handler instanceof org.jboss.logmanager.ExtHandler nested) {
                Handler found = find(nested.getHandlers());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        if (quiet) {
            logger.setUseParentHandlers(true);
        }
    }
}
