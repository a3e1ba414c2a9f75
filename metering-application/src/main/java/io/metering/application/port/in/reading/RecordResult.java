package io.metering.application.port.in.reading;

import io.metering.domain.changeset.Changeset;
import io.metering.domain.reading.Reading;
import java.util.List;

/**
 * Outcome of a reading write.
 *
 * @param written the readings now stored, in request order
 * @param pending changesets created instead of writes on governed meters, in request order
 */
public record RecordResult(List<Reading> written, List<Changeset> pending) {
    /** Copies the lists. */
    public RecordResult {
        written = List.copyOf(written);
        pending = List.copyOf(pending);
    }
}
