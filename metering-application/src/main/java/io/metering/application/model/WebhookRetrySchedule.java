package io.metering.application.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How long delivery waits after each failed attempt of the same event (docs/webhooks.md "Retries"):
 * after the n-th failure the (n)-th delay; when the delays are used up, the next failure disables
 * the subscription. The default follows the Standard Webhooks recommendation of exponential
 * backoff over about a day: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts over 27 h 35 min).
 *
 * @param delays the waits after the first, second, ... failure
 */
public record WebhookRetrySchedule(List<Duration> delays) {
    /** The default schedule. */
    public static final WebhookRetrySchedule DEFAULT = new WebhookRetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));

    /** Checks that every delay is positive. */
    public WebhookRetrySchedule {
        delays = List.copyOf(delays);
        for (Duration d : delays) {
            Objects.requireNonNull(d, "delay");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("retry delays must be positive, not " + d);
            }
        }
    }

    /** How many attempts an event gets before the subscription is disabled. */
    public int attempts() {
        return delays.size() + 1;
    }

    /** The wait after the {@code failures}-th failure in a row, or null when the retries are used up. */
    public Duration after(int failures) {
        return failures >= 1 && failures <= delays.size() ? delays.get(failures - 1) : null;
    }
}
