package io.metering.application.service.write;

import io.metering.application.access.Caller;
import io.metering.application.model.ImportedReadings;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import java.util.List;
import java.util.Map;

/**
 * Told, inside the write's transaction, of every change the services make: the one place where
 * change events (an outbox row in the same transaction, docs/events.md) are recorded, whichever
 * operation wrote. Reading writes tell it through {@link ReadingWriter}; meters, counters and
 * changesets from the one service method that writes each. Called once per change, after the
 * change is stored, with the caller who made it. The server's wiring (bootstrap) hands one listener
 * to every writing service and to the bulk import.
 */
public interface WriteListener {
    /** Records nothing. */
    WriteListener NONE = new WriteListener() {
        @Override
        public boolean active() {
            return false;
        }
    };

    /**
     * @param readings readings stored (inserted, replaced or refreshed), in write order
     * @param before the stored versions of those readings that existed before the write, by key
     */
    default void stored(Caller caller, List<Reading> readings, Map<ReadingKey, Reading> before) {}

    /** @param readings stored readings a later reading showed to be unit slips, now {@code implausible} */
    default void demoted(Caller caller, List<Reading> readings) {}

    /** @param readings readings deleted or moved away (also by a prune), as they were stored */
    default void removed(Caller caller, List<Reading> readings) {}

    /** @param chunk what one committed chunk of a bulk import stored */
    default void imported(Caller caller, ImportedReadings chunk) {}

    /** @param changesets new pending changesets */
    default void proposed(Caller caller, List<Changeset> changesets) {}

    /** @param changesets pending changesets a write confirmed (or an admin applied) and cleared */
    default void cleared(Caller caller, List<Changeset> changesets) {}

    /** @param changeset a pending changeset whose proposal was edited */
    default void changesetUpdated(Caller caller, Changeset changeset) {}

    /** @param changeset a pending changeset an admin dismissed */
    default void changesetDismissed(Caller caller, Changeset changeset) {}

    /** @param meter a new meter */
    default void meterCreated(Caller caller, Meter meter) {}

    /** @param meter a changed meter, as stored now */
    default void meterUpdated(Caller caller, Meter meter) {}

    /** @param meter a deleted meter (with its counters and readings), as it was stored */
    default void meterDeleted(Caller caller, Meter meter) {}

    /** @param counter a new counter */
    default void counterCreated(Caller caller, Counter counter) {}

    /** @param counter a changed counter, as stored now */
    default void counterUpdated(Caller caller, Counter counter) {}

    /** @param counter a deleted counter (with its readings), as it was stored */
    default void counterDeleted(Caller caller, Counter counter) {}

    /** Whether the listener records anything: writes skip the extra reads it needs when not. */
    default boolean active() {
        return true;
    }
}
