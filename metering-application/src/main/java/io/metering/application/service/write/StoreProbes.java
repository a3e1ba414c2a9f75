package io.metering.application.service.write;

import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.Neighbours;
import io.metering.application.port.out.ReadingRepository;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesNeighbours;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds neighbours by probing the store at every candidate's instant, in one query for the batch;
 * always answers. Other instants are probed only when a reading shows a stored slip: the
 * neighbours of the slip.
 */
final class StoreProbes implements NeighbourFinder {
    private final ReadingRepository readings;

    StoreProbes(ReadingRepository readings) {
        this.readings = readings;
    }

    @Override
    public Optional<SeriesNeighbours> find(OrganizationId org, List<ReadingCandidate> candidates, Collection<ReadingKey> ignored) {
        List<NeighbourProbe> probes = candidates.stream()
                .map(c -> new NeighbourProbe(c.reading().series(), c.reading().timestamp()))
                .distinct()
                .toList();
        Map<NeighbourProbe, Neighbours> found = new HashMap<>(readings.neighbours(org, probes, ignored));
        Function<NeighbourProbe, Neighbours> at = probe -> found.computeIfAbsent(probe,
                p -> readings.neighbours(org, List.of(p), ignored).getOrDefault(p, Neighbours.NONE));
        return Optional.of(new SeriesNeighbours() {
            @Override
            public Optional<SeriesPoint> previous(SeriesKey series, Instant t) {
                return at.apply(new NeighbourProbe(series, t)).previous();
            }

            @Override
            public Optional<SeriesPoint> next(SeriesKey series, Instant t) {
                return at.apply(new NeighbourProbe(series, t)).next();
            }
        });
    }
}
