package io.metering.application.fakes;

import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ReadingBulkStore} over an {@link InMemoryStore}, answered from its series queries. */
public final class InMemoryBulkStore implements ReadingBulkStore {
    private final InMemoryStore store;

    /** @param store the store whose readings it reads and appends to */
    public InMemoryBulkStore(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Map<SeriesKey, SpanNeighbours> around(OrganizationId org, Collection<SeriesSpan> spans) {
        Map<SeriesKey, SpanNeighbours> out = new HashMap<>();
        for (SeriesSpan s : spans) {
            SeriesKey k = s.series();
            boolean occupied = store.count(org, k.counterId(), Optional.of(k.direction()), s.from(), s.to()) > 0;
            out.put(k, new SpanNeighbours(store.lastPlausibleBefore(org, k, s.from()), store.firstPlausibleAfter(org, k, s.to()),
                    occupied));
        }
        return out;
    }

    @Override
    public void append(OrganizationId org, List<Reading> readings) {
        store.insert(org, readings);
    }
}
