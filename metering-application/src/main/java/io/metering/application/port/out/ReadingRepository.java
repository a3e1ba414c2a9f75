package io.metering.application.port.out;

import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write side of stored readings and the key lookups writes need. Every method is bounded by
 * the organization. Callers lock the affected counters first
 * ({@link CounterRepository#lockForReadingWrite}) so that checks and writes cannot interleave.
 */
public interface ReadingRepository {
    /** Stores new readings; none of their keys may exist. */
    void insert(OrganizationId org, List<Reading> readings);

    /** Stores readings, replacing any stored reading with the same key. */
    void upsert(OrganizationId org, List<Reading> readings);

    /**
     * Deletes readings by key.
     *
     * @return how many existed
     */
    int delete(OrganizationId org, Collection<ReadingKey> keys);

    /** The stored readings among the keys. */
    Map<ReadingKey, Reading> findByKeys(OrganizationId org, Collection<ReadingKey> keys);

    /**
     * For each probe, the nearest stored plausible readings strictly before and after its instant in
     * its series, ignoring the {@code excluded} keys (readings the same write replaces or removes).
     * Answered in a constant number of queries, whatever the number of probes.
     */
    Map<NeighbourProbe, Neighbours> neighbours(OrganizationId org, Collection<NeighbourProbe> probes,
            Collection<ReadingKey> excluded);

    /**
     * For each span, the stored plausible readings just outside it and whether any reading lies
     * inside (see {@link SpanNeighbours}), in a constant number of queries. Writers use it to check
     * a batch that appends to (or fills a gap in) its series against the stored data at the span
     * boundaries, instead of probing per reading.
     *
     * @return one entry per distinct series of the spans, or empty when the store cannot tell this
     *     more cheaply than {@link #neighbours} and {@link #findByKeys}; callers then use those
     */
    default Optional<Map<SeriesKey, SpanNeighbours>> around(OrganizationId org, Collection<SeriesSpan> spans) {
        return Optional.empty();
    }

    /**
     * For each match, the stored readings it selects, in the order of the matches.
     *
     * @param matches criteria, none of them empty
     */
    List<List<Reading>> findMatching(OrganizationId org, List<ReadingMatch> matches);

    /**
     * Deletes, or on a dry run only counts, what a prune scope selects (see {@link PruneScope}).
     *
     * @param dryRun count without deleting; the counts equal what a real run would delete and keep
     */
    PruneCounts prune(OrganizationId org, PruneScope scope, boolean dryRun);

    /**
     * Deletes what a prune scope selects, as {@code prune(org, scope, false)} does, and returns the
     * deleted readings as they were stored (for their change events, docs/events.md).
     */
    List<Reading> pruneReturning(OrganizationId org, PruneScope scope);
}
