package io.metering.application.port.out;

import io.metering.domain.consumption.Period;
import io.metering.domain.counter.CounterId;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;

/**
 * Stored interval values (load profiles, docs/load-profiles.md). Callers lock the counter first
 * ({@link CounterRepository#lockForReadingWrite}), as for readings. Every method is bounded by the
 * organization.
 */
public interface IntervalValueStore {
    /** A store without values, where nothing is stored (for wirings without load profiles). */
    IntervalValueStore NONE = new IntervalValueStore() {
        @Override
        public void replace(OrganizationId org, CounterId counter, Period span, List<IntervalValue> values) {
            throw new UnsupportedOperationException("no interval value store");
        }

        @Override
        public List<IntervalValue> overlapping(OrganizationId org, CounterId counter, Instant from, Instant to) {
            return List.of();
        }
    };

    /**
     * Replaces the counter's stored values whose intervals overlap the span with the given ones,
     * inside the caller's transaction.
     *
     * @param span the batch's span ({@link io.metering.domain.loadprofile.IntervalSeries#span})
     * @param values the new values of that counter, ordered, not overlapping, within the span
     */
    void replace(OrganizationId org, CounterId counter, Period span, List<IntervalValue> values);

    /** The counter's values whose intervals overlap {@code [from, to)}, ordered by start. */
    List<IntervalValue> overlapping(OrganizationId org, CounterId counter, Instant from, Instant to);
}
