package io.metering.application.service.write;

import io.metering.application.port.out.ReadingRepository;
import java.util.Objects;
import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.Neighbours;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingBatchValidator;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses removals that leave a series out of order (docs/domain.md#writing-readings): when a reading
 * is deleted or moved away, its former neighbours become adjacent, and the later one must not lie
 * below the earlier one unless it starts a segment or the step is a register wrap (the domain's
 * rule {@link ReadingBatchValidator#removalBreaksOrder}; this class only finds the neighbours). Removing a
 * segment start ({@code meter_change}, {@code meter_adjustment}) is the usual way to break this.
 *
 * <p>Only {@link ReadingWriter} runs it, for every write that removes, moves or withdraws a
 * reading. Runs after the removals and writes of the same transaction, on the final state, so readings
 * the same request writes are seen as neighbours too (the batch validator has checked those pairs
 * already; checking them again gives the same answer). Implausible readings take no part, as in
 * every ordering rule.
 */
public final class SeriesGapGuard {
    /**
     * A position a request emptied.
     *
     * @param label the request position for messages ({@code readings[2]}), or null
     * @param stored the removed reading as the request found it stored (under the counter lock), so
     *     the write tells its listener of it without reading it again
     * @param capacity the register capacity of its counter, if the register rolls over
     */
    public record Vacated(String label, Reading stored, Optional<RegisterCapacity> capacity) {
        /** Positions a write takes again at once (an echo's refresh): no label, no capacity needed. */
        static List<Vacated> all(Collection<Reading> stored) {
            return stored.stream().map(r -> new Vacated(null, r, Optional.empty())).toList();
        }

        /** The removed reading's key. */
        ReadingKey key() {
            return stored.key();
        }
    }

    private final ReadingRepository readings;

    SeriesGapGuard(ReadingRepository readings) {
        this.readings = Objects.requireNonNull(readings, "readings");
    }

    /**
     * @param empty the emptied positions
     * @throws InvalidRequestException {@code less_than_previous} naming the reading that would break
     */
    void check(OrganizationId org, List<Vacated> empty) {
        if (empty.isEmpty()) {
            return;
        }
        List<NeighbourProbe> probes = empty.stream()
                .map(v -> new NeighbourProbe(v.key().series(), v.key().timestamp()))
                .distinct()
                .toList();
        Map<NeighbourProbe, Neighbours> found = readings.neighbours(org, probes, List.of());
        for (Vacated v : empty) {
            Neighbours n = found.getOrDefault(new NeighbourProbe(v.key().series(), v.key().timestamp()), Neighbours.NONE);
            if (ReadingBatchValidator.removalBreaksOrder(n.previous(), n.next(), v.capacity())) {
                SeriesPoint previous = n.previous().get();
                SeriesPoint next = n.next().get();
                String prefix = v.label() == null ? "" : v.label() + ": ";
                throw new InvalidRequestException(RejectionReason.LESS_THAN_PREVIOUS, prefix + "removing the reading at "
                        + v.key().timestamp() + " would leave the reading at " + next.timestamp() + " (value "
                        + next.value().toPlainString() + ") less than the previous reading "
                        + previous.value().toPlainString() + " at " + previous.timestamp());
            }
        }
    }
}
