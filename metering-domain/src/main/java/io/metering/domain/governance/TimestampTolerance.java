package io.metering.domain.governance;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Slack on the timestamp when a direct write is matched against a pending changeset (contract
 * schema {@code TimestampTolerance}): both refer to the same physical reading, but the timestamp may
 * drift on its way through another system.
 */
public sealed interface TimestampTolerance {
    /**
     * @param proposed the changeset's timestamp
     * @param actual the direct write's timestamp
     * @return whether both name the same reading under this tolerance
     */
    boolean matches(Instant proposed, Instant actual);

    /** Millisecond equality. */
    record Exact() implements TimestampTolerance {
        @Override
        public boolean matches(Instant proposed, Instant actual) {
            return proposed.equals(actual);
        }
    }

    /**
     * The same calendar day in a zone (UTC when none is given).
     *
     * @param zone the zone the day is counted in
     */
    record SameDay(ZoneId zone) implements TimestampTolerance {
        /** @throws NullPointerException if zone is null */
        public SameDay {
            Objects.requireNonNull(zone, "zone");
        }

        /** Same day in UTC. */
        public static SameDay utc() {
            return new SameDay(ZoneOffset.UTC);
        }

        @Override
        public boolean matches(Instant proposed, Instant actual) {
            return proposed.atZone(zone).toLocalDate().equals(actual.atZone(zone).toLocalDate());
        }
    }

    /**
     * A symmetric window of {@code seconds} around the proposed timestamp, bounds included.
     *
     * @param seconds window half-width, not negative
     */
    record WithinSeconds(long seconds) implements TimestampTolerance {
        /** @throws InvalidRequestException if seconds is negative */
        public WithinSeconds {
            if (seconds < 0) {
                throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "timestamp_tolerance.seconds must not be negative");
            }
        }

        @Override
        public boolean matches(Instant proposed, Instant actual) {
            return Duration.between(proposed, actual).abs().compareTo(Duration.ofSeconds(seconds)) <= 0;
        }
    }
}
