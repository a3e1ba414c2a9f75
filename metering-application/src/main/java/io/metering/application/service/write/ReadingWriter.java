package io.metering.application.service.write;

import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ChangesetRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.access.Caller;
import io.metering.application.model.ImportedReadings;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetMatcher;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingBatchValidator;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesNeighbours;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one write path of readings, run inside the caller's transaction. It owns every step a
 * reading write takes: lock the counters, check duplicates, find the stored neighbours (the
 * {@link NeighbourFinder} is chosen here), validate the batch, store it, keep the series in order
 * where readings are removed or moved away ({@link SeriesGapGuard}), turn governed non-direct
 * writes into changesets and clear the changesets direct writes confirm (docs/domain.md
 * "Writing readings", "Changesets"). Services only describe what they want written, so a new
 * write operation cannot skip a rule; every change it makes is told to one {@link WriteListener}.
 */
public final class ReadingWriter {
    /** What happens to a reading whose key is already stored. */
    public enum OnExisting {
        /** Reject with {@code duplicate_reading} (v1 create). */
        REJECT,
        /** Replace it (v2 create, update). */
        REPLACE
    }

    private final CounterRepository counters;
    private final ReadingRepository readings;
    private final ChangesetRepository changesets;
    private final Clock clock;
    private final ZoneId businessZone;
    private final PlausibilityProvider plausibility;
    private final SeriesGapGuard gaps;
    private final ChangesetInterceptor interceptor;
    private final WriteListener listener;
    private final NeighbourFinder spans;
    private final NeighbourFinder probes;

    public ReadingWriter(CounterRepository counters, ReadingRepository readings, ChangesetRepository changesets,
            Clock clock, ZoneId businessZone, PlausibilityProvider plausibility) {
        this(counters, readings, changesets, clock, businessZone, plausibility, WriteListener.NONE);
    }

    public ReadingWriter(CounterRepository counters, ReadingRepository readings, ChangesetRepository changesets,
            Clock clock, ZoneId businessZone, PlausibilityProvider plausibility, WriteListener listener) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.readings = Objects.requireNonNull(readings, "readings");
        this.changesets = Objects.requireNonNull(changesets, "changesets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.plausibility = plausibility;
        this.listener = listener;
        this.gaps = new SeriesGapGuard(readings);
        this.interceptor = new ChangesetInterceptor(readings, changesets);
        this.spans = SpanChecks.finder(readings);
        this.probes = new StoreProbes(readings);
    }

    /** The listener this writer tells of its changes, for the services' other writes of the same transaction. */
    public WriteListener changes() {
        return listener;
    }

    /** The business time zone the rules read dates in, for the services that prepare this writer's readings. */
    public ZoneId businessZone() {
        return businessZone;
    }

    /** Locks every counter the readings touch, in id order. */
    public void lock(OrganizationId org, Collection<CounterId> counterIds) {
        counters.lockForReadingWrite(org, new TreeSet<>(counterIds));
    }

    /**
     * Validates and stores readings, and removes the stored readings the write deletes or moves
     * away. The counters must be locked already. With validation on, a removed position that no
     * written reading takes again must leave its neighbours in order ({@link SeriesGapGuard}), as
     * must a plausible reading overwritten as implausible.
     *
     * @param org the organization
     * @param candidates the readings with their meters and counters
     * @param removed stored readings this write removes or moves away (ignored as neighbours);
     *     with {@link OnExisting#REJECT}, a removed key that a candidate writes again is refreshed
     *     in place (the stored reading an echo confirms)
     * @param onExisting what to do with readings whose key is stored
     * @param validate whether the write rules run
     * @return the stored readings in candidate order
     */
    public List<Reading> write(Caller caller, List<ReadingCandidate> candidates, List<SeriesGapGuard.Vacated> removed,
            OnExisting onExisting, boolean validate) {
        OrganizationId org = caller.org();
        Map<ReadingKey, Reading> removedStored = new LinkedHashMap<>();
        removed.forEach(v -> removedStored.putIfAbsent(v.key(), v.stored()));
        Set<ReadingKey> removedKeys = removedStored.keySet();
        Judged judged = candidates.isEmpty() ? Judged.NOTHING : judgeDemoting(caller, candidates, removedKeys, onExisting, validate,
                demoted -> { });
        List<Reading> accepted = judged.judgement().readings();
        Set<ReadingKey> keys = accepted.stream().map(Reading::key).collect(Collectors.toSet());
        List<ReadingKey> deleted = removedKeys.stream().filter(k -> !keys.contains(k)).toList();
        if (!deleted.isEmpty()) {
            readings.delete(org, deleted);
            if (listener.active()) {
                listener.removed(caller, deleted.stream().map(removedStored::get).toList());
            }
        }
        // REJECT inserts every key but the removed ones it refreshes, so only those can have existed
        Map<ReadingKey, Reading> before = listener.active() && !accepted.isEmpty()
                ? storedBefore(org, accepted, removedStored, onExisting == OnExisting.REJECT || judged.nothingStored())
                : Map.of();
        List<SeriesGapGuard.Vacated> vacated = new ArrayList<>();
        if (onExisting == OnExisting.REJECT) {
            // a removed key written again is a stored reading this write refreshes (an echo it confirms)
            List<Reading> refreshed = accepted.stream().filter(r -> removedKeys.contains(r.key())).toList();
            if (!refreshed.isEmpty()) {
                readings.upsert(org, refreshed);
            }
            List<Reading> added = refreshed.isEmpty() ? accepted : accepted.stream().filter(r -> !removedKeys.contains(r.key())).toList();
            if (!added.isEmpty()) {
                readings.insert(org, added);
            }
        } else {
            if (validate) {
                vacated.addAll(withdrawn(org, candidates, accepted));
            }
            if (!accepted.isEmpty() && judged.nothingStored() && keys.size() == accepted.size()) {
                // the span check saw no stored reading inside the batch's spans (the counters locked)
                // and nothing is removed, so none of these keys is stored: a plain insert spares the
                // database the upsert's speculative insertion (docs/benchmarks.md "Plain inserts
                // instead of upserts")
                readings.insert(org, accepted);
            } else if (!accepted.isEmpty()) {
                readings.upsert(org, accepted);
            }
        }
        if (!accepted.isEmpty()) {
            listener.stored(caller, accepted, before);
        }
        if (validate) {
            // a removed key a candidate writes again is taken, not emptied
            removed.stream().filter(v -> !keys.contains(v.key())).forEach(vacated::add);
            gaps.check(org, vacated);
        }
        return accepted;
    }

    /**
     * The stored versions of the accepted readings that existed before the write, by key. A removed
     * key written again is the reading its caller found stored (no second read); any other key is
     * looked up unless {@code onlyRemovedMayExist} (the judgement saw nothing stored in the batch's
     * spans, or the write inserts).
     */
    private Map<ReadingKey, Reading> storedBefore(OrganizationId org, List<Reading> accepted, Map<ReadingKey, Reading> removed,
            boolean onlyRemovedMayExist) {
        Map<ReadingKey, Reading> before = new HashMap<>();
        List<ReadingKey> unknown = new ArrayList<>();
        for (Reading r : accepted) {
            Reading stored = removed.get(r.key());
            if (stored != null) {
                before.put(r.key(), stored);
            } else if (!onlyRemovedMayExist) {
                unknown.add(r.key());
            }
        }
        if (!unknown.isEmpty()) {
            before.putAll(readings.findByKeys(org, unknown));
        }
        return before;
    }

    /**
     * Deletes stored readings; with validation on, the series left behind must stay in order
     * ({@link SeriesGapGuard}). The counters must be locked already.
     */
    public void delete(Caller caller, List<SeriesGapGuard.Vacated> removed, boolean validate) {
        write(caller, List.of(), removed, OnExisting.REPLACE, validate);
    }

    /**
     * Deletes the readings of a prune scope (pruneMeterReadings); the counters in scope must be
     * locked already. Pruning has no ordering rule: it empties whole series or keeps named readings.
     */
    public PruneCounts prune(Caller caller, PruneScope scope) {
        OrganizationId org = caller.org();
        if (!listener.active()) {
            return readings.prune(org, scope, false);
        }
        List<Reading> deleted = readings.pruneReturning(org, scope);
        if (!deleted.isEmpty()) {
            listener.removed(caller, deleted);
        }
        // after the delete nothing in scope is doomed: a dry run counts what was kept
        return new PruneCounts(deleted.size(), readings.prune(org, scope, true).kept());
    }

    /**
     * Writes readings on behalf of a caller: the direct ones through {@link #write}, the governed
     * non-direct ones as pending changesets ({@link ChangesetInterceptor}); then clears the pending
     * changesets the direct ones confirm.
     *
     * @param direct readings to store
     * @param governed readings to propose instead
     * @return the stored readings and the new changesets, each in input order
     */
    public Written writeFor(Caller caller, WriteOptions options, List<ReadingCandidate> direct, List<SeriesGapGuard.Vacated> removed,
            OnExisting onExisting, List<ReadingCandidate> governed, Instant now) {
        OrganizationId org = caller.org();
        boolean validate = !options.skipValidation();
        List<Reading> written = write(caller, direct, removed, onExisting, validate);
        List<Changeset> pending = List.of();
        if (!governed.isEmpty()) {
            List<Reading> proposed = check(org, governed, List.of(), OnExisting.REPLACE, validate);
            pending = interceptor.intercept(caller, governed, proposed, now);
            listener.proposed(caller, pending);
        }
        List<Reading> confirming = written.stream().filter(r -> ChangesetInterceptor.isDirect(options, r)).toList();
        if (!confirming.isEmpty()) {
            autoClear(caller, confirming);
        }
        return new Written(written, pending);
    }

    /** What {@link #writeFor} did: stored readings and new changesets, each in input order. */
    public record Written(List<Reading> readings, List<Changeset> pending) {}

    /**
     * The positions a replacing write takes out of the ordering rules: a stored plausible reading
     * overwritten with status {@code implausible} leaves its neighbours adjacent, which must still be
     * in order (docs/domain.md#a-correction-never-breaks-the-series). Asks the store only when the
     * write holds an implausible reading.
     */
    private List<SeriesGapGuard.Vacated> withdrawn(OrganizationId org, List<ReadingCandidate> candidates, List<Reading> accepted) {
        List<ReadingKey> implausible = accepted.stream().filter(Reading::isImplausible).map(Reading::key).toList();
        if (implausible.isEmpty()) {
            return List.of();
        }
        Map<ReadingKey, Reading> before = readings.findByKeys(org, implausible);
        List<SeriesGapGuard.Vacated> out = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Reading stored = before.get(accepted.get(i).key());
            if (stored != null && !stored.isImplausible() && accepted.get(i).isImplausible()) {
                out.add(new SeriesGapGuard.Vacated("readings[" + candidates.get(i).index() + "]", stored,
                        candidates.get(i).counter().capacity()));
            }
        }
        return out;
    }

    /**
     * Judges readings as {@link #write} would, without storing them.
     *
     * @return the readings as they would be stored
     */
    List<Reading> check(OrganizationId org, List<ReadingCandidate> candidates, Collection<ReadingKey> removed,
            OnExisting onExisting, boolean validate) {
        return judge(org, candidates, removed, onExisting, validate, false).judgement().readings();
    }

    /**
     * Judges readings as {@link #write} would and stores the stored readings they show to be unit
     * slips with status {@code implausible} (docs/domain.md#a-slip-shown-by-a-later-reading), without
     * storing the readings themselves (a bulk import stores them its own way, then tells
     * {@link #appended}).
     *
     * @param demotedTo told which readings it demoted
     * @return the readings as they are to be stored
     */
    public List<Reading> judgeAndDemote(Caller caller, List<ReadingCandidate> candidates, Collection<ReadingKey> removed,
            OnExisting onExisting, boolean validate, Consumer<List<ReadingKey>> demotedTo) {
        return judgeDemoting(caller, candidates, removed, onExisting, validate, demotedTo).judgement().readings();
    }

    private Judged judgeDemoting(Caller caller, List<ReadingCandidate> candidates, Collection<ReadingKey> removed,
            OnExisting onExisting, boolean validate, Consumer<List<ReadingKey>> demotedTo) {
        Judged judged = judge(caller.org(), candidates, removed, onExisting, validate, true);
        demote(caller, judged.judgement().demoted());
        demotedTo.accept(judged.judgement().demoted());
        return judged;
    }

    /**
     * A judgement, and whether it knew the store holds nothing inside the batch's spans (but the
     * removed keys), so that no other written key can have been stored before.
     */
    private record Judged(ReadingBatchValidator.Judgement judgement, boolean nothingStored) {
        static final Judged NOTHING = new Judged(new ReadingBatchValidator.Judgement(List.of(), List.of()), true);
    }

    /**
     * Judges readings that only append to series whose recent history the caller knows (a bulk
     * import, chunk after chunk): neighbours and plausibility history come from {@code known}
     * instead of the store. Demotes nothing; the caller demotes through {@link #demote} once the
     * store holds what it appended.
     */
    public ReadingBatchValidator.Judgement judgeAppending(OrganizationId org, List<ReadingCandidate> candidates, SeriesNeighbours known,
            PlausibilityProvider.History history, boolean validate, Instant now) {
        PlausibilityPolicy policy = validate ? plausibility.forWrite(org, history, candidates)
                : PlausibilityPolicy.NONE;
        return new ReadingBatchValidator(known, policy).judge(candidates, now, businessZone, validate);
    }

    /**
     * Stores the readings a write showed to be unit slips with status {@code implausible}
     * (docs/domain.md#a-slip-shown-by-a-later-reading).
     */
    public void demote(Caller caller, List<ReadingKey> demoted) {
        if (demoted.isEmpty()) {
            return;
        }
        OrganizationId org = caller.org();
        List<Reading> marked = readings.findByKeys(org, demoted).values().stream()
                .map(r -> r.withStatus(ReadingStatus.IMPLAUSIBLE)).toList();
        readings.upsert(org, marked);
        listener.demoted(caller, marked);
    }

    /**
     * Tells the listener of readings a bulk import stored its own way after {@link #judgeAndDemote}:
     * one {@link ImportedReadings} per chunk. Called once the store holds them (not while a COPY
     * is open on the transaction's connection).
     */
    public void appended(Caller caller, List<Reading> readings) {
        if (!readings.isEmpty() && listener.active()) {
            listener.imported(caller, chunk(readings));
        }
    }

    /** Tells the listener of an import chunk summed up earlier by {@link #chunk}. */
    public void appended(Caller caller, ImportedReadings chunk) {
        if (listener.active()) {
            listener.imported(caller, chunk);
        }
    }

    /** What a non-empty import chunk touched: its counters and time span. */
    public static ImportedReadings chunk(List<Reading> readings) {
        List<CounterId> counters = readings.stream().map(Reading::counterId).distinct().sorted().toList();
        Instant from = readings.stream().map(Reading::timestamp).min(Instant::compareTo).orElseThrow();
        Instant to = readings.stream().map(Reading::timestamp).max(Instant::compareTo).orElseThrow();
        return new ImportedReadings(counters, from, to, readings.size());
    }

    /**
     * @param recoverSlips whether stored readings a candidate shows to be slips are demoted instead
     *     of the candidate being refused; only a write that stores the demotions asks for it
     */
    private Judged judge(OrganizationId org, List<ReadingCandidate> candidates, Collection<ReadingKey> removed,
            OnExisting onExisting, boolean validate, boolean recoverSlips) {
        Instant now = clock.instant();
        PlausibilityPolicy policy = validate ? plausibility.forWrite(org, candidates) : PlausibilityPolicy.NONE;
        Optional<SeriesNeighbours> boundaries = spans.find(org, candidates, removed);
        if (boundaries.isPresent()) {
            // nothing stored inside the batch's spans: no stored key can collide, and the stored
            // neighbours of every candidate are the readings just outside its series' span
            try {
                return new Judged(new ReadingBatchValidator.Judgement(new ReadingBatchValidator(boundaries.get(), policy)
                        .validate(candidates, now, businessZone, validate), List.of()), true);
            } catch (InvalidRequestException e) {
                if (!recoverSlips || e.reason() != RejectionReason.LESS_THAN_PREVIOUS) {
                    throw e;
                }
                // the refusal may show a stored slip: judge again with every stored neighbour at hand
            }
        }
        if (onExisting == OnExisting.REJECT) {
            Set<ReadingKey> keys = candidates.stream().map(c -> c.reading().key()).collect(Collectors.toSet());
            Map<ReadingKey, Reading> existing = new HashMap<>(readings.findByKeys(org, keys));
            existing.keySet().removeAll(removed);
            candidates.stream().filter(c -> existing.containsKey(c.reading().key())).findFirst().ifPresent(c -> {
                throw new InvalidRequestException(RejectionReason.DUPLICATE_READING, "readings[" + c.index()
                        + "]: a reading of this meter, counter and direction exists at " + c.reading().timestamp());
            });
        }
        // the validator's neighbours leave out every stored reading this write replaces or removes;
        // when duplicates are rejected no candidate key is stored, so only REPLACE adds them
        Set<ReadingKey> replacedOrRemoved = new HashSet<>(removed);
        if (onExisting == OnExisting.REPLACE) {
            candidates.forEach(c -> replacedOrRemoved.add(c.reading().key()));
        }
        SeriesNeighbours neighbours = validate ? probes.find(org, candidates, replacedOrRemoved).orElseThrow() : NeighbourFinder.NONE;
        ReadingBatchValidator validator = new ReadingBatchValidator(neighbours, policy);
        return new Judged(recoverSlips ? validator.judge(candidates, now, businessZone, validate)
                : new ReadingBatchValidator.Judgement(validator.validate(candidates, now, businessZone, validate),
                        List.of()), false);
    }

    /**
     * Removes the pending changesets that direct writes confirm (docs/domain.md "Changesets").
     *
     * @return the cleared changesets
     */
    public List<Changeset> autoClear(Caller caller, List<Reading> written) {
        Set<CounterId> counters = written.stream().map(Reading::counterId).collect(Collectors.toSet());
        List<Changeset> cleared = confirmed(changesets.findByCounters(caller.org(), counters), written);
        clear(caller, cleared);
        return cleared;
    }

    /** Deletes pending changesets that writes confirmed (or an admin applied). */
    public void clear(Caller caller, List<Changeset> changesets) {
        changesets.forEach(cs -> ReadingWriter.this.changesets.delete(caller.org(), cs.id()));
        if (!changesets.isEmpty()) {
            listener.cleared(caller, changesets);
        }
    }

    /** The pending changesets among {@code pending} that a written reading confirms. */
    public static List<Changeset> confirmed(Collection<Changeset> pending, List<Reading> written) {
        return pending.stream().filter(cs -> written.stream().anyMatch(r -> ChangesetMatcher.confirms(cs, r))).toList();
    }

    /** The counters of direct and governed candidates together, for {@link #lock}. */
    static List<CounterId> countersOf(List<ReadingCandidate> direct, List<ReadingCandidate> governed) {
        return Stream.concat(direct.stream(), governed.stream()).map(c -> c.counter().id()).toList();
    }
}
