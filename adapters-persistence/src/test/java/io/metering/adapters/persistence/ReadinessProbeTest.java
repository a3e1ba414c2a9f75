package io.metering.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Readiness answers even when the check hangs, and never runs more than one check at a time. */
class ReadinessProbeTest {

    @Test
    void aHangingCheckReadsAsNotReadyAndIsNotStartedTwice() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (ReadinessProbe probe = new ReadinessProbe(() -> {
            started.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }, Duration.ofMillis(50))) {
            assertThat(probe.ready()).isFalse();
            assertThat(probe.ready()).isFalse();
            assertThat(started).as("checks started while one hangs").hasValue(1);
            release.countDown();
        }
    }

    @Test
    void answersTheChecksVerdict() {
        try (ReadinessProbe ok = new ReadinessProbe(() -> true, Duration.ofSeconds(30));
                ReadinessProbe down = new ReadinessProbe(() -> false, Duration.ofSeconds(30));
                ReadinessProbe broken = new ReadinessProbe(() -> {
                    throw new IllegalStateException("no connection");
                }, Duration.ofSeconds(30))) {
            assertThat(ok.ready()).isTrue();
            assertThat(down.ready()).isFalse();
            assertThat(broken.ready()).isFalse();
        }
    }
}
