package io.metering.application.port.out;

import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.PageRequest;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Time-series questions about stored readings, each served by an index range scan. Every method
 * is bounded by the organization. "Plausible" means any status but {@code implausible}.
 */
public interface ReadingSeriesQueries {
    /**
     * Readings of a counter with {@code from <= timestamp <= to}, of one direction or of all, in
     * timestamp order (then direction), windowed.
     */
    List<Reading> range(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to,
            SortOrder sort, PageRequest page);

    /**
     * {@link #range}, the count of {@link #count} and {@link #firstTimestamp} together: what a page
     * of getReadingsByInterval shows. A store may answer in one statement; this default asks the
     * three questions in turn, counting only when the window does not tell the count already.
     */
    default SeriesWindow window(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to,
            SortOrder sort, PageRequest page) {
        List<Reading> rows = range(org, counterId, direction, from, to, sort, page);
        boolean complete = page.offset() == 0 && (page.unlimited() || rows.size() < page.limit());
        long hits = complete ? rows.size() : count(org, counterId, direction, from, to);
        return new SeriesWindow(rows, hits, firstTimestamp(org, counterId, direction));
    }

    /**
     * {@link #window} together with the meter {@code meterId} and the counter {@code counterId} of
     * that meter, in one consistent read: a page of getReadingsByInterval in one round trip instead
     * of a snapshot transaction around three. A store that cannot answer so returns empty (this
     * default), and the caller reads the three in a read-only transaction.
     *
     * @param predecessors whether to bring, in the same read, each direction's last plausible point
     *     before the window's earliest reading of it ({@link ScopedWindow#predecessors}: a relative
     *     page in one round trip)
     * @return the meter, the counter and the window; empty if the store does not answer this way or
     *     the page has no rows to show ({@code limit} 0)
     */
    default Optional<ScopedWindow> scopedWindow(OrganizationId org, MeterId meterId, CounterId counterId, Optional<Direction> direction,
            Instant from, Instant to, SortOrder sort, PageRequest page, boolean predecessors) {
        return Optional.empty();
    }

    /**
     * The readings of {@link #range}, windowed the same way ({@link PageRequest#ALL} for all), handed
     * to {@code sink} one at a time as they come from the store, never collected: memory stays the
     * same for ten readings or ten million. Each comes with the last plausible point of its series
     * strictly before it when {@code withPrevious} (what its relative value needs), else empty.
     * Must run inside a transaction ({@link Transactions#readOnly}): the rows come from a cursor,
     * which lives only there. This default, for stores held in memory anyway, reads the window and
     * asks for each predecessor.
     */
    default void streamRange(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to,
            SortOrder sort, PageRequest page, boolean withPrevious, BiConsumer<Reading, Optional<SeriesPoint>> sink) {
        for (Reading r : range(org, counterId, direction, from, to, sort, page)) {
            sink.accept(r, withPrevious ? lastPlausibleBefore(org, new SeriesKey(counterId, r.direction()), r.timestamp()) : Optional.empty());
        }
    }

    /** How many readings {@link #range} selects without its window. */
    long count(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to);

    /** The timestamp of the counter's earliest reading (of the direction, if given). */
    Optional<Instant> firstTimestamp(OrganizationId org, CounterId counterId, Optional<Direction> direction);

    /**
     * The highest value any reading of the counter holds (any direction and status), e.g. to check a
     * new register capacity against what is stored.
     */
    Optional<java.math.BigDecimal> maxValue(OrganizationId org, CounterId counterId);

    /** The latest plausible point of the series strictly before {@code t}. */
    Optional<SeriesPoint> lastPlausibleBefore(OrganizationId org, SeriesKey series, Instant t);

    /** The latest plausible point of the series at or before {@code t}. */
    Optional<SeriesPoint> lastPlausibleAtOrBefore(OrganizationId org, SeriesKey series, Instant t);

    /** The earliest plausible point of the series strictly after {@code t}. */
    Optional<SeriesPoint> firstPlausibleAfter(OrganizationId org, SeriesKey series, Instant t);

    /**
     * Up to {@code limit} plausible points of the series at or before {@code t}, newest first
     * (history for consumption rates and forecasts).
     */
    List<SeriesPoint> recentPlausible(OrganizationId org, SeriesKey series, Instant t, int limit);

    /** Plausible points of the series with {@code from <= timestamp <= to}, ascending. */
    List<SeriesPoint> plausibleBetween(OrganizationId org, SeriesKey series, Instant from, Instant to);

    /** The latest plausible reading of each counter (any direction), for those that have one. */
    Map<CounterId, Reading> latestPlausible(OrganizationId org, Collection<CounterId> counterIds);

    /**
     * Implausible readings of the organization (status {@code implausible}) the filter admits, in
     * the order of {@code sort} by timestamp, then counter id, then direction, strictly after
     * {@code after} when given, at most {@code limit}: a page of the review queue, served by the
     * partial index of implausible readings (docs/console.md "Queues").
     */
    List<Reading> implausible(OrganizationId org, ImplausibleQueueFilter filter, SortOrder sort, ReadingQueuePosition after, int limit);

    /** How many implausible readings the filter admits, counted up to {@code cap} at most. */
    long countImplausible(OrganizationId org, ImplausibleQueueFilter filter, int cap);
}
