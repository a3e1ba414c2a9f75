package io.metering.application.service.write;

import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesNeighbours;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where a write finds the stored neighbours of its readings, the input of every ordering rule
 * (docs/domain.md "Writing readings"). Three ways answer the same question with different costs:
 * a probe per reading ({@link StoreProbes}), one span query per series when the batch lies in a
 * gap ({@link SpanChecks#finder}), and what a bulk import remembers of the series it appends to.
 * {@link ReadingWriter} chooses among them in one place, so every write is judged alike.
 */
@FunctionalInterface
interface NeighbourFinder {
    /**
     * @param candidates the readings to judge
     * @param ignored stored readings this write replaces or removes: they are no neighbours
     * @return the stored neighbours of every candidate, or empty when this way cannot tell
     */
    Optional<SeriesNeighbours> find(OrganizationId org, List<ReadingCandidate> candidates, Collection<ReadingKey> ignored);

    /** Neighbours of a write that runs no rules: none. */
    SeriesNeighbours NONE = new SeriesNeighbours() {
        @Override
        public Optional<SeriesPoint> previous(SeriesKey series, Instant t) {
            return Optional.empty();
        }

        @Override
        public Optional<SeriesPoint> next(SeriesKey series, Instant t) {
            return Optional.empty();
        }
    };
}
