package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What {@link PostmasterWatchdog} logs during each test: register with
 * {@code @RegisterExtension final WatchdogLog log = new WatchdogLog();}. The watchdog logs from its
 * own thread, so reads copy the list under its lock.
 */
public final class WatchdogLog implements BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PostmasterWatchdog.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
    }

    /** The events logged so far, oldest first. */
    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** The formatted messages logged so far, oldest first. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The messages, for failure descriptions. */
    @Override
    public String toString() {
        return messages().toString();
    }

    /** Waits until a message contains {@code text}; fails the test after {@code timeout}. */
    public void await(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages().stream().noneMatch(m -> m.contains(text))) {
            assertThat(System.nanoTime()).as("log '%s' within %s; got %s", text, timeout, messages()).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
