package io.metering.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.ContextInitializer;
import io.metering.bootstrap.LogSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The service's log set-up in code: text lines by default, quiet libraries, and a configuration file of the user's own wins. */
class LogSetupTest {
    private final PrintStream stderr = System.err;
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restore() throws Exception {
        System.setErr(stderr);
        System.clearProperty(ContextInitializer.CONFIG_FILE_PROPERTY);
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void logbackFindsTheSetUpAndWritesOneTextLinePerEventToStderr() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        context.reset();
        new ContextInitializer(context).autoConfig(); // as at start: logback looks its configurators up

        context.getLogger("io.metering.example").info("Started in {} ms", 812);
        context.getLogger("org.eclipse.jetty.server.Server").info("a library's chatter");

        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(1);
        assertThat(out).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d(:?\\d\\d)?) INFO  \\[[^]]+] io\\.metering\\.example - Started in 812 ms\\R");
        assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void aConfigurationFileOfTheUsersOwnWins(@TempDir Path dir) throws Exception {
        Path own = Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
        System.setProperty(ContextInitializer.CONFIG_FILE_PROPERTY, own.toString());
        LogSetup setUp = new LogSetup();
        setUp.setContext(context);
        assertThat(setUp.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    @Test
    void aConfigurationFileThatCannotBeReadLeavesTheServicesOwnLoggingAndSaysSo() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty(ContextInitializer.CONFIG_FILE_PROPERTY, "/nonexistent/metering-logback.xml");
        context.reset();
        new ContextInitializer(context).autoConfig();

        context.getLogger("org.eclipse.jetty.server.HttpConnection").debug("parsedHeader(Authorization: Bearer x)");

        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).singleElement().asString().contains("WARN", "/nonexistent/metering-logback.xml");
        assertThat(out).doesNotContain("Bearer");
        assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
    }
}
