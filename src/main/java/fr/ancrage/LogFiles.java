package fr.ancrage;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The log file of the data folder, {@code <data folder>/journaux/ancrage.log}, besides stderr
 * ({@code logback.xml}): an application started from a menu has no terminal, and the team needs
 * something to send when it goes wrong. Bounded: the file rolls over at 5 MB and the four before it
 * are kept ({@code ancrage.1.log} … {@code ancrage.4.log}), 25 MB at most.
 *
 * <p>Added by the launcher once the data folder is known, so a run that does not go through it
 * (the tests) logs to stderr only. The logging configuration is logback's concern; the code logs
 * through SLF4J.
 */
public final class LogFiles {

    public static final String FILE = "ancrage.log";
    static final String APPENDER = "DATA_FOLDER_FILE";
    static final FileSize MAX_FILE_SIZE = FileSize.valueOf("5MB");
    static final int FILES = 5;

    private LogFiles() {
    }

    /** The log folder of a data folder. */
    public static Path folder(Path dataDirectory) {
        return dataDirectory.resolve(DataDirectory.LOGS);
    }

    /**
     * Starts writing the log into {@code folder} (created if needed); says so on stderr and returns
     * false when it cannot, the application then logs to stderr only.
     */
    public static boolean start(Path folder) {
        return start(folder, MAX_FILE_SIZE, FILES, null);
    }

    /** {@code checkEvery}: how often the file's size is checked; null for logback's default. */
    static boolean start(Path folder, FileSize maxFileSize, int files, Duration checkEvery) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return false;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        stop();
        try {
            // the data folder holds personal data: created for its owner only, logs included
            fr.ancrage.persistence.StoreFiles.createPrivateDirectories(folder);
        } catch (java.io.IOException | SecurityException e) {
            LoggerFactory.getLogger(LogFiles.class).warn("No log file in {}: the log goes to the terminal only", folder, e);
            return false;
        }

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(folder.resolve(FILE).toString());
        appender.setEncoder(encoder);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        // a pattern, where a backslash escapes: Windows takes forward slashes too
        rolling.setFileNamePattern(folder.resolve("ancrage.%i.log").toString().replace('\\', '/'));
        rolling.setMinIndex(1);
        rolling.setMaxIndex(files - 1);
        appender.setRollingPolicy(rolling);

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(maxFileSize);
        if (checkEvery != null) {
            trigger.setCheckIncrement(checkEvery);
        }
        appender.setTriggeringPolicy(trigger);

        encoder.start();
        rolling.start();
        trigger.start();
        appender.start();
        if (!appender.isStarted() || !rolling.isStarted()) {
            LoggerFactory.getLogger(LogFiles.class).warn("No log file in {}: the log goes to the terminal only", folder);
            return false;
        }
        root.addAppender(appender);
        return true;
    }

    /** Stops writing the log file (for tests; the application keeps it until it exits). */
    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            var existing = root.getAppender(APPENDER);
            if (existing != null) {
                root.detachAppender(existing);
                existing.stop();
            }
        }
    }
}
