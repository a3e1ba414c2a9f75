package io.metering.application.fakes;

import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ChangesetQueuePosition;
import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.application.port.out.ChangesetRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.LockedMeters;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.MeterSearch;
import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.Neighbours;
import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.application.port.out.ReadingMatch;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.application.port.out.Transactions;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.application.port.out.ChangeEventStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An in-memory implementation of every outgoing port, for application and HTTP tests. Transactions
 * are serialized by one lock and rolled back by restoring a snapshot, so all-or-nothing behaviour
 * matches the database adapter. The port contracts (subclasses of {@link PortContract}) hold it and
 * the database adapter to the same behaviour, including what storage imposes: instants of meters, counters and changesets are
 * kept to the millisecond (docs/domain.md#values-instants-days), ties in listing order break by id
 * in its text order (the order PostgreSQL gives {@code uuid}), and read-only work may not write.
 */
public final class InMemoryStore implements Transactions, MeterRepository, CounterRepository, ReadingRepository,
        ReadingSeriesQueries, ChangesetRepository, ChangeEventStore {

    private record OrgKey<K>(OrganizationId org, K id) {}

    private static final class State {
        Map<OrgKey<MeterId>, Meter> meters = new LinkedHashMap<>();
        Map<OrgKey<CounterId>, Counter> counters = new LinkedHashMap<>();
        Map<OrgKey<SeriesKey>, TreeMap<Instant, Reading>> readings = new HashMap<>();
        Map<OrgKey<ChangesetId>, Changeset> changesets = new LinkedHashMap<>();
        List<RecordedChangeEvent> events = new ArrayList<>();
        EventPosition horizon;

        State copy() {
            State s = new State();
            s.meters = new LinkedHashMap<>(meters);
            s.counters = new LinkedHashMap<>(counters);
            readings.forEach((k, v) -> s.readings.put(k, new TreeMap<>(v)));
            s.changesets = new LinkedHashMap<>(changesets);
            s.events = new ArrayList<>(events);
            s.horizon = horizon;
            return s;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private State state = new State();
    /** Whether the lock holder runs read-only work (only meaningful to the holder). */
    private boolean readOnlyWork;
    /** The id of the running outermost transaction: transactions run one at a time here. */
    private long txId;
    private long nextSeq = 1;

    // ---------------------------------------------------------------- Transactions

    /** {@inheritDoc} @throws IllegalStateException inside read-only work */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                checkWritable();
                return work.get();
            }
            State before = state.copy();
            txId++;
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                state = before;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@inheritDoc} Writes inside it throw {@link IllegalStateException}, as they fail in a database. */
    @Override
    public <T> T readOnly(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            readOnlyWork = true;
            try {
                return work.get();
            } finally {
                readOnlyWork = false;
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkWritable() {
        if (readOnlyWork && lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("cannot write inside a read-only transaction");
        }
    }

    /** Listing order of UUIDs: their text order, which is PostgreSQL's (UUID.compareTo compares signed halves). */
    private static String idOrder(java.util.UUID id) {
        return id.toString();
    }

    private static Instant millis(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static Meter stored(Meter m) {
        return new Meter(m.id(), m.org(), m.title(), m.tags(), m.maLoId(), m.meterNumber(), m.status(), m.sector(), m.meterType(),
                m.tariffType(), m.usedFor(), m.manufacturer(), m.calibrationDate(), m.customers(), m.contracts(),
                m.contractPeriods(), m.governance(), m.attributes(), millis(m.createdAt()), millis(m.updatedAt()));
    }

    private static Counter stored(Counter c) {
        return new Counter(c.id(), c.org(), c.meterId(), c.title(), c.obisNumber(), c.direction(), c.tariffType(), c.unit(),
                c.transformerRatio(), c.conversionFactor(), c.registerCapacity(), c.attributes(), millis(c.createdAt()),
                millis(c.updatedAt()));
    }

    private static Changeset stored(Changeset c) {
        return new Changeset(c.id(), c.org(), c.meterId(), c.counterId(), c.proposed(), c.previous(), c.governance(),
                millis(c.createdAt()), c.createdBy(), c.source());
    }

    // ---------------------------------------------------------------- meters

    @Override
    public void insert(Meter meter) {
        checkWritable();
        if (state.meters.putIfAbsent(new OrgKey<>(meter.org(), meter.id()), stored(meter)) != null) {
            throw new ConflictException("meter " + meter.id() + " exists");
        }
    }

    /**
     * {@inheritDoc} Every transaction already holds the store's single lock.
     *
     * @throws IllegalStateException outside read-write transactions, where a lock would end at once
     */
    @Override
    public void lockForCounterChanges(OrganizationId org, MeterId id) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("meter locks need a transaction: call inside Transactions.inTransaction");
        }
        checkWritable();
        if (!state.meters.containsKey(new OrgKey<>(org, id))) {
            throw new NotFoundException("meter " + id + " not found");
        }
    }

    @Override
    public void update(Meter meter) {
        checkWritable();
        state.meters.replace(new OrgKey<>(meter.org(), meter.id()), stored(meter));
    }

    @Override
    public boolean delete(OrganizationId org, MeterId id) {
        checkWritable();
        boolean existed = state.meters.remove(new OrgKey<>(org, id)) != null;
        List<CounterId> counters = findByMeter(org, id).stream().map(Counter::id).toList();
        counters.forEach(c -> delete(org, c));
        return existed;
    }

    @Override
    public Optional<Meter> findById(OrganizationId org, MeterId id) {
        return Optional.ofNullable(state.meters.get(new OrgKey<>(org, id)));
    }

    @Override
    public List<Meter> findByIds(OrganizationId org, Collection<MeterId> ids) {
        return ids.stream().distinct().map(id -> state.meters.get(new OrgKey<>(org, id))).filter(Objects::nonNull).toList();
    }

    @Override
    public List<Meter> findByAttribute(OrganizationId org, String name, String value) {
        return state.meters.values().stream()
                .filter(m -> m.org().equals(org) && value.equals(String.valueOf(m.attributes().get(name))))
                .toList();
    }

    private static boolean matchesText(Meter m, String text) {
        String prefix = text.toLowerCase(java.util.Locale.ROOT);
        return m.maLoId() != null && m.maLoId().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)
                || m.meterNumber() != null && m.meterNumber().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)
                || m.id().toString().equals(text)
                || m.customers().stream().anyMatch(r -> r.entityId().equals(text))
                || m.contracts().stream().anyMatch(r -> r.entityId().equals(text));
    }

    @Override
    public Page<Meter> search(OrganizationId org, MeterSearch s, PageRequest page) {
        List<Meter> all = state.meters.values().stream()
                .filter(m -> m.org().equals(org))
                .filter(m -> s.customerId() == null || m.customers().stream().anyMatch(r -> r.entityId().equals(s.customerId())))
                .filter(m -> s.contractId() == null || m.contracts().stream().anyMatch(r -> r.entityId().equals(s.contractId())))
                .filter(m -> s.maLoId() == null || s.maLoId().equals(m.maLoId()))
                .filter(m -> s.meterNumber() == null || s.meterNumber().equals(m.meterNumber()))
                .filter(m -> !s.portalScoped() || m.isReachableBy(s.reachableContactId(), s.reachableContractIds()))
                .filter(m -> s.text() == null || matchesText(m, s.text()))
                .sorted(Comparator.comparing(Meter::createdAt).thenComparing(m -> idOrder(m.id().value())))
                .toList();
        return new Page<>(window(all, page), all.size());
    }

    // ---------------------------------------------------------------- counters

    @Override
    public void insert(Counter counter) {
        checkWritable();
        if (state.counters.putIfAbsent(new OrgKey<>(counter.org(), counter.id()), stored(counter)) != null) {
            throw new ConflictException("counter " + counter.id() + " exists");
        }
    }

    @Override
    public void update(Counter counter) {
        checkWritable();
        state.counters.replace(new OrgKey<>(counter.org(), counter.id()), stored(counter));
    }

    @Override
    public boolean delete(OrganizationId org, CounterId id) {
        checkWritable();
        boolean existed = state.counters.remove(new OrgKey<>(org, id)) != null;
        state.readings.keySet().removeIf(k -> k.org().equals(org) && k.id().counterId().equals(id));
        state.changesets.values().removeIf(c -> c.org().equals(org) && c.counterId().equals(id));
        return existed;
    }

    @Override
    public Optional<Counter> findById(OrganizationId org, CounterId id) {
        return Optional.ofNullable(state.counters.get(new OrgKey<>(org, id)));
    }

    @Override
    public List<Counter> findByMeter(OrganizationId org, MeterId meterId) {
        return findByMeters(org, List.of(meterId));
    }

    @Override
    public List<Counter> findByMeters(OrganizationId org, Collection<MeterId> meterIds) {
        Set<MeterId> ids = new HashSet<>(meterIds);
        return state.counters.values().stream()
                .filter(c -> c.org().equals(org) && ids.contains(c.meterId()))
                .sorted(Comparator.comparing(Counter::createdAt).thenComparing(c -> idOrder(c.id().value())))
                .toList();
    }

    /**
     * {@inheritDoc} Every transaction already holds the store's single lock.
     *
     * @throws IllegalStateException outside read-write transactions, where a lock would end at once
     */
    @Override
    public void lockForReadingWrite(OrganizationId org, Collection<CounterId> ids) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("counter locks need a transaction: call inside Transactions.inTransaction");
        }
        checkWritable();
        ids.stream().filter(id -> !state.counters.containsKey(new OrgKey<>(org, id))).findFirst().ifPresent(id -> {
            throw new NotFoundException("counter " + id + " not found");
        });
    }

    @Override
    public List<Counter> lockByMeters(OrganizationId org, Collection<MeterId> meterIds) {
        List<Counter> counters = findByMeters(org, meterIds);
        lockForReadingWrite(org, counters.stream().map(Counter::id).toList());
        return counters;
    }

    @Override
    public LockedMeters lockWithMeters(OrganizationId org, Collection<MeterId> meterIds) {
        List<Counter> counters = lockByMeters(org, meterIds);
        return new LockedMeters(findByIds(org, meterIds), counters);
    }

    // ---------------------------------------------------------------- readings (write side)

    private TreeMap<Instant, Reading> series(OrganizationId org, SeriesKey key) {
        return state.readings.computeIfAbsent(new OrgKey<>(org, key), k -> new TreeMap<>());
    }

    private Optional<TreeMap<Instant, Reading>> seriesIfAny(OrganizationId org, SeriesKey key) {
        return Optional.ofNullable(state.readings.get(new OrgKey<>(org, key)));
    }

    @Override
    public void insert(OrganizationId org, List<Reading> readings) {
        checkWritable();
        for (Reading r : readings) {
            if (series(org, r.series()).putIfAbsent(r.timestamp(), r) != null) {
                throw new IllegalStateException("duplicate key " + r.key());
            }
        }
    }

    @Override
    public void upsert(OrganizationId org, List<Reading> readings) {
        checkWritable();
        readings.forEach(r -> series(org, r.series()).put(r.timestamp(), r));
    }

    @Override
    public int delete(OrganizationId org, Collection<ReadingKey> keys) {
        checkWritable();
        int n = 0;
        for (ReadingKey k : keys) {
            if (seriesIfAny(org, k.series()).map(s -> s.remove(k.timestamp())).isPresent()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Map<ReadingKey, Reading> findByKeys(OrganizationId org, Collection<ReadingKey> keys) {
        Map<ReadingKey, Reading> out = new HashMap<>();
        for (ReadingKey k : keys) {
            seriesIfAny(org, k.series()).map(s -> s.get(k.timestamp())).ifPresent(r -> out.put(k, r));
        }
        return out;
    }

    @Override
    public Map<NeighbourProbe, Neighbours> neighbours(OrganizationId org, Collection<NeighbourProbe> probes,
            Collection<ReadingKey> excluded) {
        Set<ReadingKey> skip = new HashSet<>(excluded);
        Map<NeighbourProbe, Neighbours> out = new HashMap<>();
        for (NeighbourProbe p : probes) {
            TreeMap<Instant, Reading> s = seriesIfAny(org, p.series()).orElse(new TreeMap<>());
            Optional<SeriesPoint> prev = s.headMap(p.timestamp(), false).descendingMap().values().stream()
                    .filter(r -> !r.isImplausible() && !skip.contains(r.key())).findFirst().map(Reading::point);
            Optional<SeriesPoint> next = s.tailMap(p.timestamp(), false).values().stream()
                    .filter(r -> !r.isImplausible() && !skip.contains(r.key())).findFirst().map(Reading::point);
            out.put(p, new Neighbours(prev, next));
        }
        return out;
    }

    /** {@inheritDoc} Answered from the series themselves, so services take the span path here too. */
    @Override
    public Optional<Map<SeriesKey, SpanNeighbours>> around(OrganizationId org, Collection<SeriesSpan> spans) {
        Map<SeriesKey, SpanNeighbours> out = new HashMap<>();
        for (SeriesSpan span : spans) {
            TreeMap<Instant, Reading> s = seriesIfAny(org, span.series()).orElse(new TreeMap<>());
            Optional<SeriesPoint> before = s.headMap(span.from(), false).descendingMap().values().stream()
                    .filter(r -> !r.isImplausible()).findFirst().map(Reading::point);
            Optional<SeriesPoint> after = s.tailMap(span.to(), false).values().stream()
                    .filter(r -> !r.isImplausible()).findFirst().map(Reading::point);
            boolean occupied = !s.subMap(span.from(), true, span.to(), true).isEmpty();
            out.merge(span.series(), new SpanNeighbours(before, after, occupied),
                    (a, b) -> new SpanNeighbours(a.before().isEmpty() ? b.before() : a.before(),
                            a.after().isEmpty() ? b.after() : a.after(), true));
        }
        return Optional.of(out);
    }

    private Stream<Reading> allReadings(OrganizationId org) {
        return state.readings.entrySet().stream().filter(e -> e.getKey().org().equals(org))
                .flatMap(e -> e.getValue().values().stream());
    }

    /** {@inheritDoc} @throws IllegalArgumentException if a match is empty */
    @Override
    public List<List<Reading>> findMatching(OrganizationId org, List<ReadingMatch> matches) {
        if (matches.stream().anyMatch(ReadingMatch::isEmpty)) {
            throw new IllegalArgumentException("a reading match gives no criterion");
        }
        Comparator<Reading> order = Comparator.comparing(Reading::timestamp)
                .thenComparing(r -> idOrder(r.counterId().value()))
                .thenComparing(Reading::direction);
        return matches.stream().map(m -> allReadings(org).filter(m::selects).sorted(order).toList()).toList();
    }

    @Override
    public PruneCounts prune(OrganizationId org, PruneScope scope, boolean dryRun) {
        int inScope = inScope(org, scope).size();
        List<Reading> doomed = doomed(org, scope);
        if (!dryRun) {
            checkWritable();
            delete(org, doomed.stream().map(Reading::key).toList());
        }
        return new PruneCounts(doomed.size(), inScope - doomed.size());
    }

    @Override
    public List<Reading> pruneReturning(OrganizationId org, PruneScope scope) {
        List<Reading> doomed = doomed(org, scope);
        checkWritable();
        delete(org, doomed.stream().map(Reading::key).toList());
        return doomed;
    }

    private List<Reading> inScope(OrganizationId org, PruneScope scope) {
        return allReadings(org)
                .filter(r -> r.meterId().equals(scope.meterId()))
                .filter(r -> scope.counterId() == null || r.counterId().equals(scope.counterId()))
                .filter(r -> scope.source() == null || r.source() == scope.source())
                .toList();
    }

    private List<Reading> doomed(OrganizationId org, PruneScope scope) {
        return inScope(org, scope).stream().filter(r -> r.externalId() == null
                ? scope.source() != null
                : !scope.keepExternalIds().contains(r.externalId())).toList();
    }

    // ---------------------------------------------------------------- readings (series queries)

    private Stream<Reading> ofCounter(OrganizationId org, CounterId counterId, Optional<Direction> direction) {
        return Stream.of(Direction.values())
                .filter(d -> direction.isEmpty() || direction.get() == d)
                .flatMap(d -> seriesIfAny(org, new SeriesKey(counterId, d)).map(s -> s.values().stream()).orElse(Stream.empty()));
    }

    @Override
    public List<Reading> range(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to,
            SortOrder sort, PageRequest page) {
        Comparator<Reading> order = Comparator.comparing(Reading::timestamp).thenComparing(Reading::direction);
        List<Reading> all = ofCounter(org, counterId, direction)
                .filter(r -> !r.timestamp().isBefore(from) && !r.timestamp().isAfter(to))
                .sorted(sort == SortOrder.ASC ? order : order.reversed())
                .toList();
        return window(all, page);
    }

    @Override
    public long count(OrganizationId org, CounterId counterId, Optional<Direction> direction, Instant from, Instant to) {
        return ofCounter(org, counterId, direction).filter(r -> !r.timestamp().isBefore(from) && !r.timestamp().isAfter(to)).count();
    }

    @Override
    public Optional<Instant> firstTimestamp(OrganizationId org, CounterId counterId, Optional<Direction> direction) {
        return ofCounter(org, counterId, direction).map(Reading::timestamp).min(Comparator.naturalOrder());
    }

    @Override
    public Optional<java.math.BigDecimal> maxValue(OrganizationId org, CounterId counterId) {
        return ofCounter(org, counterId, Optional.empty()).map(Reading::value).max(Comparator.naturalOrder());
    }

    private Stream<Reading> plausible(OrganizationId org, SeriesKey series) {
        return seriesIfAny(org, series).map(s -> s.values().stream()).orElse(Stream.empty()).filter(r -> !r.isImplausible());
    }

    @Override
    public Optional<SeriesPoint> lastPlausibleBefore(OrganizationId org, SeriesKey series, Instant t) {
        return plausible(org, series).filter(r -> r.timestamp().isBefore(t)).reduce((a, b) -> b).map(Reading::point);
    }

    @Override
    public Optional<SeriesPoint> lastPlausibleAtOrBefore(OrganizationId org, SeriesKey series, Instant t) {
        return plausible(org, series).filter(r -> !r.timestamp().isAfter(t)).reduce((a, b) -> b).map(Reading::point);
    }

    @Override
    public Optional<SeriesPoint> firstPlausibleAfter(OrganizationId org, SeriesKey series, Instant t) {
        return plausible(org, series).filter(r -> r.timestamp().isAfter(t)).findFirst().map(Reading::point);
    }

    @Override
    public List<SeriesPoint> recentPlausible(OrganizationId org, SeriesKey series, Instant t, int limit) {
        List<SeriesPoint> upTo = plausible(org, series).filter(r -> !r.timestamp().isAfter(t)).map(Reading::point)
                .collect(Collectors.toCollection(ArrayList::new));
        java.util.Collections.reverse(upTo);
        return upTo.subList(0, Math.min(limit, upTo.size()));
    }

    @Override
    public List<SeriesPoint> plausibleBetween(OrganizationId org, SeriesKey series, Instant from, Instant to) {
        return plausible(org, series).filter(r -> !r.timestamp().isBefore(from) && !r.timestamp().isAfter(to))
                .map(Reading::point).toList();
    }

    @Override
    public Map<CounterId, Reading> latestPlausible(OrganizationId org, Collection<CounterId> counterIds) {
        Map<CounterId, Reading> out = new HashMap<>();
        for (CounterId id : counterIds) {
            Stream.of(Direction.values())
                    .flatMap(d -> plausible(org, new SeriesKey(id, d)))
                    .max(Comparator.comparing(Reading::timestamp).thenComparing(Reading::direction))
                    .ifPresent(r -> out.put(id, r));
        }
        return out;
    }

    @Override
    public List<Reading> implausible(OrganizationId org, ImplausibleQueueFilter filter, SortOrder sort, ReadingQueuePosition after,
            int limit) {
        Comparator<ReadingQueuePosition> order = sort == SortOrder.DESC ? QUEUE_ORDER.reversed() : QUEUE_ORDER;
        return implausibleAdmitted(org, filter)
                .filter(r -> after == null || order.compare(position(r), after) > 0)
                .sorted(Comparator.comparing(InMemoryStore::position, order))
                .limit(limit)
                .toList();
    }

    @Override
    public long countImplausible(OrganizationId org, ImplausibleQueueFilter filter, int cap) {
        return Math.min(cap, implausibleAdmitted(org, filter).count());
    }

    private Stream<Reading> implausibleAdmitted(OrganizationId org, ImplausibleQueueFilter f) {
        return allReadings(org).filter(r -> r.isImplausible()
                && (f.meterId() == null || f.meterId().equals(r.meterId()))
                && (f.counterId() == null || f.counterId().equals(r.counterId()))
                && (f.source() == null || f.source() == r.source())
                && (f.from() == null || !r.timestamp().isBefore(f.from()))
                && (f.before() == null || r.timestamp().isBefore(f.before())));
    }

    private static final Comparator<ReadingQueuePosition> QUEUE_ORDER = Comparator.comparing(ReadingQueuePosition::timestamp)
            .thenComparing(p -> idOrder(p.counterId().value()))
            .thenComparing(p -> p.direction().code());

    private static ReadingQueuePosition position(Reading r) {
        return new ReadingQueuePosition(r.timestamp(), r.counterId(), r.direction());
    }

    // ---------------------------------------------------------------- changesets

    @Override
    public void insert(Changeset changeset) {
        checkWritable();
        state.changesets.put(new OrgKey<>(changeset.org(), changeset.id()), stored(changeset));
    }

    @Override
    public void update(Changeset changeset) {
        checkWritable();
        state.changesets.replace(new OrgKey<>(changeset.org(), changeset.id()), stored(changeset));
    }

    @Override
    public boolean delete(OrganizationId org, ChangesetId id) {
        checkWritable();
        return state.changesets.remove(new OrgKey<>(org, id)) != null;
    }

    @Override
    public Optional<Changeset> findById(OrganizationId org, ChangesetId id) {
        return Optional.ofNullable(state.changesets.get(new OrgKey<>(org, id)));
    }

    @Override
    public List<Changeset> findByCounter(OrganizationId org, MeterId meterId, CounterId counterId) {
        return state.changesets.values().stream()
                .filter(c -> c.org().equals(org) && c.meterId().equals(meterId) && c.counterId().equals(counterId))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public List<Changeset> findByCounters(OrganizationId org, Collection<CounterId> counterIds) {
        Set<CounterId> ids = new HashSet<>(counterIds);
        return state.changesets.values().stream()
                .filter(c -> c.org().equals(org) && ids.contains(c.counterId()))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public List<Changeset> findPending(OrganizationId org, ChangesetQueueFilter filter, ChangesetQueuePosition after, int limit) {
        return pendingAdmitted(org, filter)
                .filter(c -> after == null || c.createdAt().isAfter(after.createdAt())
                        || c.createdAt().equals(after.createdAt()) && idOrder(c.id().value()).compareTo(idOrder(after.id().value())) > 0)
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public long countPending(OrganizationId org, ChangesetQueueFilter filter, int cap) {
        return Math.min(cap, pendingAdmitted(org, filter).count());
    }

    private Stream<Changeset> pendingAdmitted(OrganizationId org, ChangesetQueueFilter f) {
        return state.changesets.values().stream().filter(c -> c.org().equals(org)
                && (f.meterId() == null || f.meterId().equals(c.meterId()))
                && (f.counterId() == null || f.counterId().equals(c.counterId()))
                && (f.source() == null || f.source() == c.source())
                && (f.createdFrom() == null || !c.createdAt().isBefore(f.createdFrom()))
                && (f.createdBefore() == null || c.createdAt().isBefore(f.createdBefore())));
    }

    // ---------------------------------------------------------------- helpers

    private static final Comparator<Changeset> OLDEST_FIRST =
            Comparator.comparing(Changeset::createdAt).thenComparing(c -> idOrder(c.id().value()));

    private static <T> List<T> window(List<T> all, PageRequest page) {
        if (page.offset() >= all.size()) {
            return List.of();
        }
        int from = (int) page.offset();
        int to = page.unlimited() ? all.size() : (int) Math.min(all.size(), page.offset() + page.limit());
        return List.copyOf(all.subList(from, to));
    }

    // ---------------------------------------------------------------- ChangeEventStore

    /** {@inheritDoc} Transactions run one at a time here, so every appended event is readable once its transaction ends. */
    @Override
    public void append(List<ChangeEvent> events) {
        lock.lock();
        try {
            checkWritable();
            long tx = lock.getHoldCount() > 1 ? txId : ++txId;
            for (ChangeEvent e : events) {
                state.events.add(new RecordedChangeEvent(new EventPosition(tx, nextSeq++), e));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ChangeEventPage read(OrganizationId org, EventPosition after, int limit, Set<String> types) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        lock.lock();
        try {
            List<RecordedChangeEvent> page = state.events.stream()
                    .filter(e -> e.event().org().equals(org) && after.isBefore(e.position()))
                    .filter(e -> types.isEmpty() || types.contains(e.event().type()))
                    .limit(limit).toList();
            return new ChangeEventPage(page, page.isEmpty() ? after : page.get(page.size() - 1).position());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public EventPosition newest(OrganizationId org) {
        lock.lock();
        try {
            return state.events.stream().filter(e -> e.event().org().equals(org)).map(RecordedChangeEvent::position)
                    .max(Comparator.naturalOrder()).orElse(EventPosition.START);
        } finally {
            lock.unlock();
        }
    }

    /** {@inheritDoc} Here the last begun transaction's id is {@code txId}. */
    @Override
    public boolean isAheadOfFeed(EventPosition position) {
        lock.lock();
        try {
            return position.txId() > txId;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return inTransaction(() -> {
            List<RecordedChangeEvent> gone = state.events.stream().filter(e -> e.event().time().isBefore(cutoff)).toList();
            state.events.removeAll(gone);
            gone.stream().map(RecordedChangeEvent::position).max(Comparator.naturalOrder())
                    .filter(top -> state.horizon == null || state.horizon.isBefore(top))
                    .ifPresent(top -> state.horizon = top);
            return gone.size();
        });
    }

    @Override
    public Optional<EventPosition> purgedUpTo() {
        lock.lock();
        try {
            return Optional.ofNullable(state.horizon);
        } finally {
            lock.unlock();
        }
    }
}
