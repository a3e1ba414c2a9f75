package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.metering.application.fakes.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The watchdog's rules on a fake server and a fake clock, one {@link PostmasterWatchdog#check()} per
 * simulated second: an outage is noticed, logged once and repaired at once; failing restarts back
 * off 1 s, 2 s, 4 s ... up to 30 s; liveness fails only after 30 s of outage with failed restarts;
 * nothing is restarted after close.
 */
class PostmasterWatchdogTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final FakeServer server = new FakeServer();
    private final List<Instant> restartedCallbacks = new ArrayList<>();
    private final PostmasterWatchdog watchdog = new PostmasterWatchdog(server, clock, () -> restartedCallbacks.add(clock.instant()));
    @RegisterExtension
    final WatchdogLog log = new WatchdogLog();

    @Test
    void aDeadServerIsStartedAgainAtOnceWithOneWarningAndOneInfo() {
        tick(3);
        assertThat(server.attempts).as("a running server is left alone").isEmpty();

        server.up = false;
        tick(1);

        assertThat(server.attempts).containsExactly(clock.instant());
        assertThat(server.up).isTrue();
        assertThat(restartedCallbacks).hasSize(1);
        tick(5);
        assertThat(server.attempts).hasSize(1);
        assertThat(log.events()).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(log.events().get(0).getFormattedMessage()).contains("is gone");
        assertThat(log.events().get(1).getFormattedMessage()).contains("is back after");
        assertThat(watchdog.failure()).isEmpty();
    }

    @Test
    void failingRestartsBackOffFromOneSecondDoublingUpToThirtySeconds() {
        server.up = false;
        server.failing = true;
        Instant down = clock.instant();

        tick(200);

        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < server.attempts.size(); i++) {
            gaps.add(Duration.between(server.attempts.get(i - 1), server.attempts.get(i)).toSeconds());
        }
        assertThat(server.attempts.get(0)).as("the first attempt at once").isEqualTo(down.plusSeconds(1));
        assertThat(gaps).startsWith(1L, 2L, 4L, 8L, 16L, 30L, 30L).allMatch(g -> g <= 30);
        assertThat(log.events()).filteredOn(e -> e.getFormattedMessage().contains("is gone")).hasSize(1);
        assertThat(log.events()).filteredOn(e -> e.getFormattedMessage().contains("failed")).hasSize(server.attempts.size());

        server.failing = false;
        tick(31);
        assertThat(server.up).isTrue();
        assertThat(restartedCallbacks).hasSize(1);
        server.up = false;
        server.failing = true;
        int before = server.attempts.size();
        tick(2);
        assertThat(server.attempts.size() - before).as("a new outage starts the back-off anew").isEqualTo(2);
    }

    @Test
    void backoffValues() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 50, Integer.MAX_VALUE)).map(PostmasterWatchdog::backoff)
                .map(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L);
    }

    @Test
    void livenessFailsOnlyAfterThirtySecondsOfOutageWithFailedRestarts() {
        server.up = false;
        server.failing = true;
        tick(1);
        Instant down = clock.instant();
        while (Duration.between(down, clock.instant()).compareTo(PostmasterWatchdog.LIVENESS_GRACE) < 0) {
            assertThat(watchdog.failure()).as("after %s", Duration.between(down, clock.instant())).isEmpty();
            tick(1);
        }
        assertThat(watchdog.failure()).as("at exactly 30 s").isEmpty();
        tick(1);
        assertThat(watchdog.failure()).hasValueSatisfying(m -> assertThat(m).contains("down for 31 s").contains("failed"));

        server.failing = false;
        tick(30);
        assertThat(server.up).isTrue();
        assertThat(watchdog.failure()).as("healthy again once the server is back").isEmpty();
    }

    @Test
    void aLongFirstRestartIsNotALivenessFailure() {
        server.up = false;
        server.restartTakes = Duration.ofSeconds(90); // crash recovery of a large WAL
        server.onRestart = () -> assertThat(watchdog.failure()).as("during the first restart").isEmpty();
        tick(1);
        assertThat(server.up).isTrue();
        assertThat(watchdog.failure()).isEmpty();
    }

    @Test
    void afterCloseNothingIsRestarted() {
        watchdog.close();
        server.up = false;
        tick(5);
        assertThat(server.attempts).isEmpty();
        assertThat(log.events()).isEmpty();
    }

    private void tick(int seconds) {
        for (int i = 0; i < seconds; i++) {
            clock.advance(Duration.ofSeconds(1));
            watchdog.check();
        }
    }

    private final class FakeServer implements PostmasterWatchdog.Server {
        boolean up = true;
        boolean failing;
        Duration restartTakes = Duration.ZERO;
        Runnable onRestart = () -> { };
        final List<Instant> attempts = new ArrayList<>();

        @Override
        public boolean running() {
            return up;
        }

        @Override
        public void restart() throws IOException {
            attempts.add(clock.instant());
            clock.advance(restartTakes);
            onRestart.run();
            if (failing) {
                throw new IOException("could not bind IPv4 address \"127.0.0.1\": Address already in use");
            }
            up = true;
        }

        @Override
        public String toString() {
            return "fake postmaster";
        }
    }
}
