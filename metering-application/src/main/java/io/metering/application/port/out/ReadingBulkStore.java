package io.metering.application.port.out;

import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The store's fast path for large imports: what is stored around whole spans of a series, and an
 * append of many new readings. Callers lock the affected counters first
 * ({@link CounterRepository#lockForReadingWrite}), as for every reading write.
 */
public interface ReadingBulkStore {
    /**
     * For each span, the stored readings around it and whether any lies inside. Answered in a
     * constant number of queries, whatever the number of spans.
     *
     * @return one entry per distinct series of the spans
     */
    Map<SeriesKey, SpanNeighbours> around(OrganizationId org, Collection<SeriesSpan> spans);

    /**
     * Stores new readings, none of whose keys may be stored, the fastest way the store has.
     *
     * @throws RuntimeException if a key is stored already; the caller's transaction is then unusable
     */
    void append(OrganizationId org, List<Reading> readings);
}
