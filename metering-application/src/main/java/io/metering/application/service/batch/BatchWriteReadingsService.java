package io.metering.application.service.batch;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.LockedMeters;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import java.time.Clock;
import java.time.ZoneId;
import io.metering.application.service.write.ChangesetInterceptor;
import io.metering.application.service.write.EchoMatcher;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.write.SeriesGapGuard;
import io.metering.application.access.Caller;
import io.metering.application.model.FieldChange;
import io.metering.application.port.in.batch.BatchItem;
import io.metering.application.port.in.batch.BatchItemResult;
import io.metering.application.port.in.batch.BatchOperation;
import io.metering.application.port.in.batch.BatchWriteCommand;
import io.metering.application.port.in.batch.BatchWriteReadingsUseCase;
import io.metering.application.port.in.batch.BatchWriteResult;
import io.metering.application.port.in.batch.ReadingIdentifiers;
import io.metering.application.port.out.ReadingMatch;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.ReadingTarget;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * batchWriteMeterReadings (docs/domain.md#batch-v2-and-prune; semantics on
 * {@link BatchWriteReadingsUseCase}). One transaction: load meters and counters, build each item's
 * match, lock every counter involved and match, decide each item, then write all direct creates and
 * updates together through {@link ReadingWriter} (removed = every replaced, moved or deleted key),
 * which checks the emptied positions, turns governed non-direct items into changesets and clears
 * the changesets direct writes confirm.
 */
public final class BatchWriteReadingsService implements BatchWriteReadingsUseCase {
    private final Transactions transactions;
    private final CounterRepository counters;
    private final ReadingRepository readings;
    private final Clock clock;
    private final ReadingWriter writer;
    private final EchoMatcher echoes;
    private final ZoneId businessZone;


    /** @param writer the reading write path, one per wiring (bootstrap) */
    public BatchWriteReadingsService(Transactions transactions, CounterRepository counters,
            ReadingRepository readings, ReadingSeriesQueries series, Clock clock, ZoneId businessZone, ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.readings = Objects.requireNonNull(readings, "readings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = writer;
        this.echoes = new EchoMatcher(series, businessZone);
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
    }

    /** One decided item: a write (with the stored reading it replaces, if any) or a delete. */
    private record Plan(int index, BatchOperation operation, ReadingCandidate candidate, Reading matched, boolean intercepted) {
        boolean isDelete() {
            return candidate == null;
        }

        /** The stored key this item empties: a deleted key, or the old key of a direct replace. */
        Optional<ReadingKey> removes() {
            return matched == null || intercepted ? Optional.empty() : Optional.of(matched.key());
        }
    }

    @Override
    public BatchWriteResult write(BatchWriteCommand command) {
        Caller caller = command.caller();
        caller.requireAdmin("batchWriteMeterReadings");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transactions.inTransaction(() -> run(caller, command, now));
    }

    /**
     * A create that its identifiers match to no stored reading may be an echo of one
     * (docs/domain.md#same-reading-same-business-day): it then writes over the stored reading it
     * confirms, at that reading's instant, instead of adding a second one.
     */
    private List<ReadingCandidate> confirmEchoes(OrganizationId org, List<Plan> plans, List<ReadingCandidate> direct) {
        java.util.Set<Integer> unmatchedCreates = plans.stream()
                .filter(p -> !p.isDelete() && !p.intercepted() && p.operation() == BatchOperation.CREATE && p.matched() == null)
                .map(p -> p.candidate().index())
                .collect(Collectors.toSet());
        List<ReadingCandidate> creates = direct.stream().filter(c -> unmatchedCreates.contains(c.index())).toList();
        if (creates.isEmpty()) {
            return direct;
        }
        Map<Integer, ReadingCandidate> confirmed = new HashMap<>();
        echoes.match(org, creates).candidates().forEach(c -> confirmed.put(c.index(), c));
        return direct.stream().map(c -> confirmed.getOrDefault(c.index(), c)).toList();
    }

    private BatchWriteResult run(Caller caller, BatchWriteCommand command, Instant now) {
        OrganizationId org = caller.org();
        List<BatchItem> items = command.items();
        // the items' meters and their counters, the counters locked, in one round trip
        LockedMeters locked = BatchWriteReadingsService.this.counters.lockWithMeters(org, meterIds(items));
        Map<MeterId, Meter> meters = requireMeters(items, locked.meters());
        Map<CounterId, Counter> counters = new HashMap<>();
        locked.counters().forEach(c -> counters.put(c.id(), c));
        Map<MeterId, List<Counter>> countersByMeter = counters.values().stream()
                .sorted(Comparator.comparing(Counter::createdAt).thenComparing(c -> c.id().value()))
                .collect(Collectors.groupingBy(Counter::meterId));

        List<ReadingMatch> matches = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            Meter meter = item.meterId() == null ? null : meters.get(item.meterId());
            List<Counter> ofMeter = meter == null ? List.of() : countersByMeter.getOrDefault(meter.id(), List.of());
            matches.add(at(i, () -> BatchMatches.of(item, command.identifiers(), meter, ofMeter, now)));
        }
        List<List<Reading>> found = lockAndMatch(org, matches, counters);

        List<Plan> plans = decide(command, meters, countersByMeter, found, now);
        checkTargets(org, plans, matches);
        List<ReadingCandidate> direct = confirmEchoes(org, plans,
                plans.stream().filter(p -> !p.isDelete() && !p.intercepted()).map(Plan::candidate).toList());
        List<ReadingCandidate> governed = plans.stream().filter(Plan::intercepted).map(Plan::candidate).toList();
        List<SeriesGapGuard.Vacated> removed = plans.stream().filter(p -> p.removes().isPresent())
                .map(p -> new SeriesGapGuard.Vacated("readings[" + p.index() + "]", p.matched(),
                        capacity(counters, p.matched().counterId())))
                .toList();
        ReadingWriter.Written written = writer.writeFor(caller, command.options(), direct, removed, ReadingWriter.OnExisting.REPLACE,
                governed, now);
        return results(plans, direct, written.readings(), governed, written.pending());
    }

    private static Set<MeterId> meterIds(List<BatchItem> items) {
        return items.stream().map(BatchItem::meterId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The items' meters by id; a meter an item names that does not exist answers 404. */
    private static Map<MeterId, Meter> requireMeters(List<BatchItem> items, List<Meter> found) {
        Map<MeterId, Meter> meters = found.stream().collect(Collectors.toMap(Meter::id, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            MeterId id = items.get(i).meterId();
            if (id != null && !meters.containsKey(id)) {
                throw new NotFoundException("readings[" + i + "]: meter " + id + " not found");
            }
        }
        return meters;
    }

    /**
     * Matches with the counters of the items' meters locked ({@code counters}, locked as they were
     * read); readings matched on other counters (custom identifiers may reach across meters) get
     * their counters locked too and the match is repeated, so every decision rests on locked series.
     * Terminates: the locked set only grows.
     */
    private List<List<Reading>> lockAndMatch(OrganizationId org, List<ReadingMatch> matches, Map<CounterId, Counter> counters) {
        Set<CounterId> locked = new HashSet<>(counters.keySet());
        while (true) {
            List<List<Reading>> found = readings.findMatching(org, matches);
            Set<Reading> all = found.stream().flatMap(List::stream).collect(Collectors.toSet());
            Set<CounterId> more = all.stream().map(Reading::counterId).filter(id -> !locked.contains(id))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (more.isEmpty()) {
                return found;
            }
            writer.lock(org, more);
            locked.addAll(more);
            Set<MeterId> theirMeters = all.stream().filter(r -> more.contains(r.counterId())).map(Reading::meterId)
                    .collect(Collectors.toSet());
            BatchWriteReadingsService.this.counters.findByMeters(org, theirMeters).forEach(c -> counters.putIfAbsent(c.id(), c));
        }
    }

    /**
     * A stored reading after its meter's closing instant is not changed, replaced or deleted
     * (docs/domain.md#decommissioned-meters); the write rules see only the new reading, so a delete or
     * a move away from that instant is checked here. A match on a meter no item names is left to the
     * rules of that meter's own writes.
     */
    private void requireChangeable(String at, Meter meter, Reading stored) {
        if (meter != null) {
            MeterLifecycle.requireChangeable(meter, businessZone, stored.timestamp(), at + ": ");
        }
    }

    private List<Plan> decide(BatchWriteCommand command, Map<MeterId, Meter> meters, Map<MeterId, List<Counter>> countersByMeter,
            List<List<Reading>> found, Instant now) {
        List<BatchItem> items = command.items();
        ReadingIdentifiers ids = command.identifiers();
        Map<ReadingKey, Integer> claimedBy = new HashMap<>();
        List<Plan> plans = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            List<Reading> matched = found.get(i);
            String at = "readings[" + i + "]";
            if (matched.size() > 1) {
                throw new InvalidRequestException(RejectionReason.MULTIPLE_READINGS_FOUND, at + ": " + matched.size()
                        + " stored readings match identifiers " + ids.paths() + "; they must select at most one");
            }
            Reading match = matched.isEmpty() ? null : matched.get(0);
            if (match == null && item.operation() != BatchOperation.CREATE) {
                throw new NotFoundException(at + ": no stored reading matches identifiers " + ids.paths());
            }
            if (match != null) {
                requireChangeable(at, meters.get(match.meterId()), match);
                Integer other = claimedBy.putIfAbsent(match.key(), i);
                if (other != null) {
                    throw new InvalidRequestException(RejectionReason.DUPLICATE_READING, "readings[" + other + "] and " + at
                            + " match the same stored reading at " + match.timestamp());
                }
            }
            if (item.operation() == BatchOperation.DELETE) {
                plans.add(new Plan(i, item.operation(), null, match, false));
                continue;
            }
            Meter meter = meters.get(item.meterId());
            int index = i;
            ReadingCandidate candidate = at(i, () -> candidate(index, item, meter,
                    countersByMeter.getOrDefault(meter.id(), List.of()), match, now));
            boolean intercepted = ChangesetInterceptor.isIntercepted(command.options(), candidate);
            if (intercepted && match != null && !match.key().equals(candidate.reading().key())) {
                throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, at + ": meter " + meter.id()
                        + " is governed: a changeset proposes a value at one instant and cannot move a reading;"
                        + " confirm the move with direct=true or source ERP");
            }
            plans.add(new Plan(i, item.operation(), candidate, match, intercepted));
        }
        return plans;
    }

    /**
     * The item as a whole reading. Counter and direction left out keep the matched reading's when it
     * lies on the same meter (and counter), else are derived; a missing timestamp keeps the matched
     * reading's instant, else means now. Optional fields the item omits keep the matched reading's
     * values ({@link BatchItem}); as in updateMeterReading, a new value on a reading marked
     * implausible clears that mark unless a status is sent, so it is judged afresh.
     */
    private static ReadingCandidate candidate(int index, BatchItem item, Meter meter, List<Counter> counters, Reading match,
            Instant now) {
        CounterId counterId = item.counterId() != null ? item.counterId()
                : match != null && match.meterId().equals(meter.id()) ? match.counterId() : null;
        Direction direction = item.direction() != null ? item.direction()
                : match != null && match.counterId().equals(counterId) ? match.direction() : null;
        ReadingTarget target = ReadingTarget.resolve(meter, counters, Optional.ofNullable(counterId), Optional.ofNullable(direction));
        Instant timestamp = item.timestamp() != null ? item.timestamp() : match != null ? match.timestamp() : now;
        FieldChange<ReadingStatus> statusChange = item.change(BatchItem.Field.STATUS, item.status());
        ReadingStatus status = kept(statusChange, match, Reading::status);
        if (match != null && statusChange.keeps() && match.isImplausible() && match.value().compareTo(item.value()) != 0) {
            status = null;
        }
        Reading reading = new Reading(meter.id(), target.counter().id(), target.direction(), timestamp, item.value(),
                item.source(), kept(item.change(BatchItem.Field.REASON, item.reason()), match, Reading::reason),
                kept(item.change(BatchItem.Field.READ_BY, item.readBy()), match, Reading::readBy), status,
                kept(item.change(BatchItem.Field.EXTERNAL_ID, item.externalId()), match, Reading::externalId),
                kept(item.change(BatchItem.Field.REMARK, item.remark()), match, Reading::remark),
                kept(item.change(BatchItem.Field.NOTE, item.note()), match, Reading::note),
                kept(item.change(BatchItem.Field.UNIT, item.unit()), match, Reading::unit),
                kept(item.change(BatchItem.Field.METADATA, item.metadata()), match, Reading::metadata));
        return new ReadingCandidate(index, reading, meter, target.counter(), status != null);
    }

    /** The item's change applied to the matched reading's value (to nothing when there is no match). */
    private static <T> T kept(FieldChange<T> change, Reading match, Function<Reading, T> stored) {
        return change.applyTo(match == null ? null : stored.apply(match));
    }

    /**
     * Two items may not write one key, nor readings that one item's identifiers would both select; an
     * item may not land on a stored reading its identifiers
     * did not select (with custom identifiers that would silently overwrite another reading; the
     * contract lists {@code duplicate_reading} for this operation). A target key that its item's
     * match probed by key alone needs no second look: under the counter locks, the match found the
     * reading stored there or showed that none is.
     */
    private void checkTargets(OrganizationId org, List<Plan> plans, List<ReadingMatch> matches) {
        Map<ReadingKey, Plan> targets = new HashMap<>();
        Set<ReadingKey> claimed = plans.stream().filter(p -> p.matched() != null).map(p -> p.matched().key())
                .collect(Collectors.toSet());
        for (Plan p : plans) {
            if (p.isDelete()) {
                continue;
            }
            ReadingKey key = p.candidate().reading().key();
            Plan other = targets.putIfAbsent(key, p);
            if (other != null) {
                throw new InvalidRequestException(RejectionReason.DUPLICATE_READING, "readings[" + other.index() + "] and readings["
                        + p.index() + "] have the same counter, direction and timestamp " + key.timestamp());
            }
        }
        // two written readings one item's identifiers both select would make every later write of them ambiguous;
        // a match by the item's own key selects only that key, which no other item writes (checked above)
        List<Plan> written = plans.stream().filter(p -> !p.isDelete()).toList();
        for (Plan p : written) {
            if (probesKey(matches.get(p.index()), p.candidate().reading())) {
                continue;
            }
            for (Plan q : written) {
                if (p != q && matches.get(p.index()).selects(q.candidate().reading())) {
                    throw new InvalidRequestException(RejectionReason.DUPLICATE_READING, "readings[" + Math.min(p.index(), q.index())
                            + "] and readings[" + Math.max(p.index(), q.index()) + "] would both be selected by the identifiers of readings["
                            + p.index() + "]");
                }
            }
        }
        List<ReadingKey> unprobed = targets.values().stream()
                .filter(p -> !probesKey(matches.get(p.index()), p.candidate().reading()))
                .map(p -> p.candidate().reading().key()).toList();
        Map<ReadingKey, Reading> occupied = unprobed.isEmpty() ? Map.of() : readings.findByKeys(org, unprobed);
        targets.values().stream()
                .filter(p -> occupied.containsKey(p.candidate().reading().key()) && !claimed.contains(p.candidate().reading().key()))
                .mapToInt(Plan::index).min()
                .ifPresent(i -> {
                    throw new InvalidRequestException(RejectionReason.DUPLICATE_READING, "readings[" + i + "]: another reading,"
                            + " not selected by the identifiers, exists at " + plans.get(i).candidate().reading().timestamp()
                            + " for this counter and direction");
                });
    }

    /**
     * Whether the match selects exactly the reading stored at this reading's key, if any: the
     * key's criteria and at most the meter the reading belongs to (a stored reading carries its
     * counter's meter).
     */
    private static boolean probesKey(ReadingMatch match, Reading reading) {
        return reading.counterId().equals(match.counterId()) && reading.direction() == match.direction()
                && reading.timestamp().equals(match.timestamp()) && (match.meterId() == null || match.meterId().equals(reading.meterId()))
                && match.externalId() == null && match.metadata().isEmpty();
    }

    private static BatchWriteResult results(List<Plan> plans, List<ReadingCandidate> direct, List<Reading> written,
            List<ReadingCandidate> governed, List<Changeset> pending) {
        Map<Integer, Reading> writtenByIndex = new HashMap<>();
        for (int k = 0; k < direct.size(); k++) {
            writtenByIndex.put(direct.get(k).index(), written.get(k));
        }
        Map<Integer, Changeset> pendingByIndex = new HashMap<>();
        for (int k = 0; k < governed.size(); k++) {
            pendingByIndex.put(governed.get(k).index(), pending.get(k));
        }
        List<BatchItemResult> out = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            if (p.isDelete()) {
                out.add(new BatchItemResult(p.index(), p.operation(), BatchItemResult.Kind.DELETED, p.matched(), null));
            } else if (p.intercepted()) {
                out.add(new BatchItemResult(p.index(), p.operation(), BatchItemResult.Kind.PENDING, null,
                        pendingByIndex.get(p.index())));
            } else {
                out.add(new BatchItemResult(p.index(), p.operation(), BatchItemResult.Kind.WRITTEN, writtenByIndex.get(p.index()),
                        null));
            }
        }
        return new BatchWriteResult(out);
    }

    private static Optional<RegisterCapacity> capacity(Map<CounterId, Counter> counters, CounterId id) {
        return Optional.ofNullable(counters.get(id)).flatMap(Counter::capacity);
    }

    /** Runs per-item work, naming the item in any rejection. */
    private static <T> T at(int index, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidRequestException e) {
            throw e.at("readings[" + index + "]");
        } catch (NotFoundException e) {
            throw new NotFoundException("readings[" + index + "]: " + e.getMessage());
        }
    }
}
