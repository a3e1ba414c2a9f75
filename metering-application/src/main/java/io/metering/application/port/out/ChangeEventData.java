package io.metering.application.port.out;

import io.metering.application.model.ImportedReadings;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;

/**
 * Renders a changed resource as the API shows it, one JSON object as text: the {@code data} of its
 * change event (docs/events.md "Format"). The HTTP adapter implements it with its own response
 * mappers, so an event's data equals what a read of the resource answered at the change.
 */
public interface ChangeEventData {
    /**
     * A reading, as getMeterReadings shows it. Called when a reading's event is served, not when it
     * is recorded: the event keeps the reading ({@code EventData.OfReading}, docs/events.md "Storage").
     */
    String reading(Reading reading);

    /** A meter, as getMeter shows it. */
    String meter(Meter meter);

    /** A counter, as getCounter shows it. */
    String counter(Counter counter);

    /** A pending changeset, as the changeset operations show it. */
    String changeset(Changeset changeset);

    /** What one chunk of a bulk import stored: the counters and the time span. */
    String imported(ImportedReadings chunk);
}
