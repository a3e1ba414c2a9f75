package io.metering.application.service.reading;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.ChangesetRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.access.Caller;
import io.metering.application.model.SortOrder;
import io.metering.application.port.out.ScopedWindow;
import io.metering.application.port.out.SeriesWindow;
import io.metering.application.port.in.reading.ListReadingsQuery;
import io.metering.application.port.in.reading.ReadingView;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.application.port.in.reading.ReadingsRequest;
import io.metering.application.port.in.reading.ReadingsSink;
import io.metering.application.port.in.reading.ValueType;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.RelativeValues;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.concurrent.Semaphore;

/**
 * Reads a counter's readings in an interval (getReadingsByInterval; docs/domain.md "Reading the
 * series"). The interval defaults to 2000-01-01 until the end of today; dates are whole days in the
 * business time zone. Relative values need at most one stored reading before the window per
 * direction.
 */
public final class ListReadingsService implements ListReadingsQuery {
    private static final LocalDate DEFAULT_START = LocalDate.of(2000, 1, 1);

    private final Transactions transactions;
    private final ReadingSeriesQueries series;
    private final ChangesetRepository changesets;
    private final Clock clock;
    private final ZoneId businessZone;
    private final Reach reach;
    private final Semaphore streams = new Semaphore(CONCURRENT_STREAMS, true);

    public ListReadingsService(Transactions transactions, Reach reach, ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock, ZoneId businessZone) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.series = Objects.requireNonNull(series, "series");
        this.changesets = Objects.requireNonNull(changesets, "changesets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.reach = Objects.requireNonNull(reach, "reach");
    }

    @Override
    public ReadingsPage list(ReadingsRequest q) {
        Caller caller = q.caller();
        Instant from = start(q.start());
        Instant to = end(q.end(), from);
        if (!q.includePendingChangesets()) {
            // the page alone (with its predecessors when relative): one statement is one snapshot, so no transaction around it
            Optional<ScopedWindow> scoped = series.scopedWindow(caller.org(), q.meterId(), q.counterId(), q.direction(), from, to,
                    q.sort(), q.page(), q.type() == ValueType.RELATIVE);
            if (scoped.isPresent()) {
                return page(caller, q, scoped.get());
            }
        }
        return transactions.readOnly(() -> {
            Counter counter = reach.counterOf(caller, q.meterId(), q.counterId());
            SeriesWindow window = series.window(caller.org(), counter.id(), q.direction(), from, to, q.sort(), q.page());
            List<Reading> rows = window.readings();
            long hits = window.hits();
            Instant first = window.firstTimestamp().orElse(null);
            List<ReadingView> views = q.type() == ValueType.RELATIVE
                    ? relative(rows, counter, (direction, t) -> series.lastPlausibleBefore(caller.org(), new SeriesKey(counter.id(), direction), t))
                    : rows.stream().map(r -> new ReadingView(r, r.value())).toList();
            List<Changeset> pending = q.includePendingChangesets()
                    ? changesets.findByCounter(caller.org(), q.meterId(), counter.id())
                    : List.of();
            return new ReadingsPage(views, hits, first, pending);
        });
    }

    @Override
    public void stream(ReadingsRequest q, ReadingsSink sink) {
        Caller caller = q.caller();
        Instant from = start(q.start());
        Instant to = end(q.end(), from);
        streams.acquireUninterruptibly();
        try {
            transactions.readOnly(() -> {
                Counter counter = reach.counterOf(caller, q.meterId(), q.counterId());
                long hits = series.count(caller.org(), counter.id(), q.direction(), from, to);
                sink.start(hits, series.firstTimestamp(caller.org(), counter.id(), q.direction()).orElse(null));
                boolean relative = q.type() == ValueType.RELATIVE;
                // ascending, each reading's predecessor is the last plausible one streamed before it (the first one's
                // is asked for once per direction); descending, the store joins it to every row
                boolean joinPrevious = relative && q.sort() == SortOrder.DESC;
                Map<Direction, Optional<SeriesPoint>> lastPlausible = new EnumMap<>(Direction.class);
                series.streamRange(caller.org(), counter.id(), q.direction(), from, to, q.sort(), q.page(), joinPrevious,
                        (reading, joined) -> {
                            if (!relative) {
                                sink.reading(new ReadingView(reading, reading.value()));
                                return;
                            }
                            Optional<SeriesPoint> previous = joinPrevious ? joined : lastPlausible.computeIfAbsent(reading.direction(),
                                    d -> series.lastPlausibleBefore(caller.org(), new SeriesKey(counter.id(), d),
                                            reading.timestamp()));
                            sink.reading(new ReadingView(reading, RelativeValues.of(previous, reading.point(), counter.capacity())));
                            if (!joinPrevious && !reading.point().implausible()) {
                                lastPlausible.put(reading.direction(), Optional.of(reading.point()));
                            }
                        });
                sink.end(q.includePendingChangesets()
                        ? changesets.findByCounter(caller.org(), q.meterId(), counter.id())
                        : List.of());
                return null;
            });
        } finally {
            streams.release();
        }
    }

    /** The page of a scoped window, with the answers {@link Reach#counterOf} gives for a meter or counter out of reach. */
    private static ReadingsPage page(Caller caller, ReadingsRequest q, ScopedWindow scoped) {
        scoped.meter().filter(caller::canSee).orElseThrow(() -> Reach.meterNotFound(q.meterId()));
        Counter counter = scoped.counter().orElseThrow(() -> Reach.counterNotFound(q.counterId()));
        SeriesWindow window = scoped.window();
        List<ReadingView> views = q.type() == ValueType.RELATIVE
                ? relative(window.readings(), counter, (direction, t) -> Optional.ofNullable(scoped.predecessors().get(direction)))
                : window.readings().stream().map(r -> new ReadingView(r, r.value())).toList();
        return new ReadingsPage(views, window.hits(), window.firstTimestamp().orElse(null), List.of());
    }

    /**
     * The rows with their relative values, each direction's first from {@code before} (the last
     * plausible point of that direction before the given instant).
     */
    private static List<ReadingView> relative(List<Reading> rows, Counter counter,
            BiFunction<Direction, Instant, Optional<SeriesPoint>> before) {
        Map<Direction, List<Reading>> byDirection = new HashMap<>();
        for (Reading r : rows) {
            byDirection.computeIfAbsent(r.direction(), d -> new ArrayList<>()).add(r);
        }
        Map<Reading, BigDecimal> relative = new HashMap<>();
        byDirection.forEach((direction, readings) -> {
            List<Reading> ascending = new ArrayList<>(readings);
            ascending.sort(Comparator.comparing(Reading::timestamp));
            List<BigDecimal> values = RelativeValues.of(before.apply(direction, ascending.get(0).timestamp()),
                    ascending.stream().map(Reading::point).toList(), counter.capacity());
            for (int i = 0; i < ascending.size(); i++) {
                relative.put(ascending.get(i), values.get(i));
            }
        });
        return rows.stream().map(r -> new ReadingView(r, relative.get(r))).toList();
    }

    private Instant start(TimeInput start) {
        if (start == null) {
            return DEFAULT_START.atStartOfDay(businessZone).toInstant();
        }
        if (start instanceof TimeInput.DateOnly d) {
            return d.date().atStartOfDay(businessZone).toInstant();
        }
        return ((TimeInput.Exact) start).instant();
    }

    /** The end of the interval, refused when it lies before {@code from}. */
    private Instant end(TimeInput endInput, Instant from) {
        Instant to = end(endInput);
        if (from.isAfter(to)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "start_date must not be after end_date");
        }
        return to;
    }

    private Instant end(TimeInput end) {
        LocalDate day;
        if (end == null) {
            day = LocalDate.now(clock.withZone(businessZone));
        } else if (end instanceof TimeInput.DateOnly d) {
            day = d.date();
        } else {
            return ((TimeInput.Exact) end).instant();
        }
        return day.plusDays(1).atStartOfDay(businessZone).toInstant().minusMillis(1);
    }
}
