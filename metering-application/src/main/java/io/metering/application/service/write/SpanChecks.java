package io.metering.application.service.write;

import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesNeighbours;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a batch against the stored series at its spans' boundaries (docs/domain.md "Writing
 * readings"). Most batches append to their series or fill a gap: then nothing is stored between a
 * series' earliest and latest candidate, the stored neighbours of every candidate are the two
 * readings just outside that span, and no stored key can equal a candidate's. One query of three
 * index probes per series then replaces a key lookup and two neighbour probes per reading, and the
 * batch validator judges exactly as it would with per-reading neighbours.
 */
public final class SpanChecks {
    private SpanChecks() {}

    /**
     * The span query as a {@link NeighbourFinder}: it answers only writes that replace or remove no
     * stored reading and whose spans hold none.
     */
    static NeighbourFinder finder(ReadingRepository readings) {
        return (org, candidates, ignored) -> ignored.isEmpty() ? boundaries(readings, org, candidates) : Optional.empty();
    }

    /**
     * @return the stored neighbours of every candidate, when no series span of the batch holds a
     *     stored reading; empty when one does or the store cannot tell (check per reading then)
     */
    static Optional<SeriesNeighbours> boundaries(ReadingRepository readings, OrganizationId org, List<ReadingCandidate> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Optional<Map<SeriesKey, SpanNeighbours>> around = readings.around(org, spans(candidates));
        if (around.isEmpty() || around.get().values().stream().anyMatch(SpanNeighbours::occupied)) {
            return Optional.empty();
        }
        return Optional.of(atBoundaries(around.get()));
    }

    /** Each series' earliest and latest instant among the candidates. */
    public static List<SeriesSpan> spans(List<ReadingCandidate> candidates) {
        Map<SeriesKey, Instant[]> bounds = new HashMap<>();
        for (ReadingCandidate c : candidates) {
            Instant t = c.reading().timestamp();
            Instant[] b = bounds.computeIfAbsent(c.reading().series(), k -> new Instant[] {t, t});
            if (t.isBefore(b[0])) {
                b[0] = t;
            }
            if (t.isAfter(b[1])) {
                b[1] = t;
            }
        }
        List<SeriesSpan> out = new ArrayList<>(bounds.size());
        bounds.forEach((series, b) -> out.add(new SeriesSpan(series, b[0], b[1])));
        return out;
    }

    /**
     * The stored neighbours of every instant of unoccupied spans: the readings just outside them.
     * Only asked for instants of the batch, all of which lie inside their series' span.
     */
    static SeriesNeighbours atBoundaries(Map<SeriesKey, SpanNeighbours> around) {
        return new SeriesNeighbours() {
            @Override
            public Optional<SeriesPoint> previous(SeriesKey series, Instant t) {
                return around.getOrDefault(series, SpanNeighbours.EMPTY).before();
            }

            @Override
            public Optional<SeriesPoint> next(SeriesKey series, Instant t) {
                return around.getOrDefault(series, SpanNeighbours.EMPTY).after();
            }
        };
    }
}
