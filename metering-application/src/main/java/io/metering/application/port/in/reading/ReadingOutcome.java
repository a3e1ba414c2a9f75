package io.metering.application.port.in.reading;

import io.metering.domain.changeset.Changeset;
import io.metering.domain.reading.Reading;

/**
 * What a single-reading write did: either the reading now stored, or, on a governed meter written
 * without confirmation, the pending changeset that holds the proposal (docs/domain.md#changesets).
 * Exactly one is present.
 *
 * @param written the stored reading, or null
 * @param pending the new changeset, or null
 */
public record ReadingOutcome(Reading written, Changeset pending) {
    /** @throws IllegalArgumentException unless exactly one part is given */
    public ReadingOutcome {
        if ((written == null) == (pending == null)) {
            throw new IllegalArgumentException("exactly one of written and pending must be given");
        }
    }

    /** The reading was stored. */
    public static ReadingOutcome written(Reading reading) {
        return new ReadingOutcome(reading, null);
    }

    /** The write became a pending changeset. */
    public static ReadingOutcome pending(Changeset changeset) {
        return new ReadingOutcome(null, changeset);
    }

    /** Whether the write became a changeset instead of changing the series. */
    public boolean isPending() {
        return pending != null;
    }
}
