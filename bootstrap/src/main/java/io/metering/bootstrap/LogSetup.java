package io.metering.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;

/**
 * The service's logging, set up in code when logback starts (found through {@code ServiceLoader}),
 * instead of by parsing an XML file: Joran's XML parsing was a tenth of a start (docs/benchmarks.md,
 * "Start-up"). One event per line on stderr, so that stdout carries only what commands print for
 * people and scripts; request headers are never logged. {@code METERING_LOG_FORMAT} picks the
 * format (docs/operations.md, "Logs"): {@code json}, one object per line from
 * logstash-logback-encoder with the request's context (correlation id, trace id, route,
 * organization, caller kind); anything else, one line of text (the service refuses other values
 * itself, in words this text line carries). A readable file named by {@code
 * -Dlogback.configurationFile} still wins: this set-up then steps aside; one that cannot be read
 * is named in a warning and this set-up is used.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The text format's pattern: UTC-offset timestamp, level, thread, logger, message. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level [%thread] %logger{36} - %msg%n";

    /** Libraries whose INFO lines say nothing an operator needs. */
    private static final List<String> QUIET = List.of("io.zonky", "org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb", "io.javalin");

    /** Public for {@code ServiceLoader}. */
    public LogSetup() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String own = System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY);
        if (own != null && readable(own)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, System.getenv("METERING_LOG_FORMAT"));
        if (own != null) {
            // without this set-up logback would fall back to its bare default: every DEBUG line, request headers included, on stdout
            context.getLogger(LogSetup.class).warn("{} names no readable file ({}): the service's own logging is used",
                    ContextInitializer.CONFIG_FILE_PROPERTY, own);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether logback can read the configuration it is given: a URL that opens, a file, or a class-path resource. */
    static boolean readable(String location) {
        try {
            try (InputStream in = new URL(location).openStream()) {
                return true;
            }
        } catch (MalformedURLException notAUrl) {
            return Files.isReadable(Path.of(location)) && Files.isRegularFile(Path.of(location))
                    || LogSetup.class.getClassLoader().getResource(location) != null;
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /**
     * Configures {@code context} for {@code format}.
     *
     * @param format {@code json}, or anything else (null included) for text
     */
    public static void apply(LoggerContext context, String format) {
        // java.util.logging gets logback's levels, so a line logback would drop is dropped before the bridge formats it
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        propagator.start();

        boolean json = "json".equals(format);
        Encoder<ILoggingEvent> encoder = json ? jsonEncoder() : textEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(json ? "json" : "text");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> textEncoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(TEXT_PATTERN);
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder() {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.getFieldNames().setVersion("[ignore]");
        encoder.getFieldNames().setLevelValue("[ignore]");
        return encoder;
    }
}
