package io.metering.application.port.in.meter;

import io.metering.domain.changeset.Changeset;
import io.metering.domain.meter.Meter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A meter with what readers see beside it.
 *
 * @param meter the meter
 * @param lastReading timestamp of the latest plausible reading of any of its counters, null if none
 * @param currentConsumption value of that reading, null if none
 * @param pendingChangesets its pending changesets, when asked for; else empty
 */
public record MeterView(Meter meter, Instant lastReading, BigDecimal currentConsumption, List<Changeset> pendingChangesets) {
    /** Copies the list. */
    public MeterView {
        pendingChangesets = pendingChangesets == null ? List.of() : List.copyOf(pendingChangesets);
    }
}
