package io.metering.application.service;

import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.Neighbours;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetMatcher;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingBatchValidator;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesNeighbours;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shared write path of readings, run inside the caller's transaction: lock the counters, check
 * duplicates, fetch all neighbours in a constant number of queries, validate the batch, store it and
 * clear the changesets a direct write confirms. Every reading write of the product goes through
 * here, so the rules hold whichever operation writes.
 */
final class ReadingWriter {
    /** What happens to a reading whose key is already stored. */
    enum OnExisting {
        /** Reject with {@code duplicate_reading} (v1 create). */
        REJECT,
        /** Replace it (v2 create, update). */
        REPLACE
    }

    private final ServiceContext ctx;
    private final PlausibilityProvider plausibility;
    private final SeriesGapGuard gaps;

    ReadingWriter(ServiceContext ctx, PlausibilityProvider plausibility) {
        this.ctx = ctx;
        this.plausibility = plausibility;
        this.gaps = new SeriesGapGuard(ctx);
    }

    /** Locks every counter the readings touch, in id order. */
    void lock(OrganizationId org, Collection<CounterId> counterIds) {
        ctx.counters().lockForReadingWrite(org, new TreeSet<>(counterIds));
    }

    /**
     * Validates and stores readings. The counters must be locked already.
     *
     * @param org the organization
     * @param candidates the readings with their meters and counters
     * @param removed keys of stored readings this write removes or moves away (ignored as neighbours);
     *     with {@link OnExisting#REJECT}, a removed key that a candidate writes again is refreshed
     *     in place (the stored reading an echo confirms)
     * @param onExisting what to do with readings whose key is stored
     * @param validate whether the write rules run
     * @return the stored readings in candidate order
     */
    List<Reading> write(OrganizationId org, List<ReadingCandidate> candidates, Collection<ReadingKey> removed,
            OnExisting onExisting, boolean validate) {
        List<Reading> accepted = judgeAndDemote(org, candidates, removed, onExisting, validate);
        Set<ReadingKey> keys = accepted.stream().map(Reading::key).collect(Collectors.toSet());
        List<ReadingKey> deleted = removed.stream().filter(k -> !keys.contains(k)).toList();
        if (!deleted.isEmpty()) {
            ctx.readings().delete(org, deleted);
        }
        if (onExisting == OnExisting.REJECT) {
            // a removed key written again is a stored reading this write refreshes (an echo it confirms)
            List<Reading> refreshed = accepted.stream().filter(r -> removed.contains(r.key())).toList();
            if (!refreshed.isEmpty()) {
                ctx.readings().upsert(org, refreshed);
            }
            List<Reading> added = refreshed.isEmpty() ? accepted : accepted.stream().filter(r -> !removed.contains(r.key())).toList();
            if (!added.isEmpty()) {
                ctx.readings().insert(org, added);
            }
        } else {
            List<SeriesGapGuard.Vacated> withdrawn = validate ? withdrawn(org, candidates, accepted) : List.of();
            ctx.readings().upsert(org, accepted);
            gaps.check(org, withdrawn, List.of());
        }
        return accepted;
    }

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
        Map<ReadingKey, Reading> before = ctx.readings().findByKeys(org, implausible);
        List<SeriesGapGuard.Vacated> out = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Reading stored = before.get(accepted.get(i).key());
            if (stored != null && !stored.isImplausible() && accepted.get(i).isImplausible()) {
                out.add(new SeriesGapGuard.Vacated("readings[" + candidates.get(i).index() + "]", stored.key(),
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
        return judge(org, candidates, removed, onExisting, validate, false).readings();
    }

    /**
     * Judges readings as {@link #write} would and stores the stored readings they show to be unit
     * slips with status {@code implausible} (docs/domain.md#a-slip-shown-by-a-later-reading), without
     * storing the readings themselves (a bulk import stores them its own way).
     *
     * @return the readings as they are to be stored
     */
    List<Reading> judgeAndDemote(OrganizationId org, List<ReadingCandidate> candidates, Collection<ReadingKey> removed,
            OnExisting onExisting, boolean validate) {
        return judgeAndDemote(org, candidates, removed, onExisting, validate, demoted -> { });
    }

    /** As {@link #judgeAndDemote(OrganizationId, List, Collection, OnExisting, boolean)}, telling which readings it demoted. */
    List<Reading> judgeAndDemote(OrganizationId org, List<ReadingCandidate> candidates, Collection<ReadingKey> removed,
            OnExisting onExisting, boolean validate, Consumer<List<ReadingKey>> demotedTo) {
        ReadingBatchValidator.Judgement judged = judge(org, candidates, removed, onExisting, validate, true);
        demote(org, judged.demoted());
        demotedTo.accept(judged.demoted());
        return judged.readings();
    }

    /**
     * Stores the readings a write showed to be unit slips with status {@code implausible}
     * (docs/domain.md#a-slip-shown-by-a-later-reading).
     */
    void demote(OrganizationId org, List<ReadingKey> demoted) {
        if (demoted.isEmpty()) {
            return;
        }
        ctx.readings().upsert(org, ctx.readings().findByKeys(org, demoted).values().stream()
                .map(r -> r.withStatus(ReadingStatus.IMPLAUSIBLE)).toList());
    }

    /**
     * @param recoverSlips whether stored readings a candidate shows to be slips are demoted instead
     *     of the candidate being refused; only a write that stores the demotions asks for it
     */
    private ReadingBatchValidator.Judgement judge(OrganizationId org, List<ReadingCandidate> candidates, Collection<ReadingKey> removed,
            OnExisting onExisting, boolean validate, boolean recoverSlips) {
        Instant now = ctx.clock().instant();
        Optional<SeriesNeighbours> boundaries = removed.isEmpty() ? SpanChecks.boundaries(ctx.readings(), org, candidates)
                : Optional.empty();
        if (boundaries.isPresent()) {
            // nothing stored inside the batch's spans: no stored key can collide, and the stored
            // neighbours of every candidate are the readings just outside its series' span
            ReadingBatchValidator validator = new ReadingBatchValidator(boundaries.get(),
                    validate ? plausibility.forWrite(org) : PlausibilityPolicy.NONE);
            try {
                return new ReadingBatchValidator.Judgement(validator.validate(candidates, now, ctx.businessZone(), validate), List.of());
            } catch (InvalidRequestException e) {
                if (!recoverSlips || e.reason() != RejectionReason.LESS_THAN_PREVIOUS) {
                    throw e;
                }
                // the refusal may show a stored slip: judge again with every stored neighbour at hand
            }
        }
        if (onExisting == OnExisting.REJECT) {
            Set<ReadingKey> keys = candidates.stream().map(c -> c.reading().key()).collect(Collectors.toSet());
            Map<ReadingKey, Reading> existing = new java.util.HashMap<>(ctx.readings().findByKeys(org, keys));
            existing.keySet().removeAll(removed);
            candidates.stream().filter(c -> existing.containsKey(c.reading().key())).findFirst().ifPresent(c -> {
                throw new InvalidRequestException(RejectionReason.DUPLICATE_READING, "readings[" + c.index()
                        + "]: a reading of this meter, counter and direction exists at " + c.reading().timestamp());
            });
        }
        // the validator's neighbours leave out every stored reading this write replaces or removes;
        // when duplicates are rejected no candidate key is stored, so only REPLACE adds them
        Set<ReadingKey> replacedOrRemoved = new java.util.HashSet<>(removed);
        if (onExisting == OnExisting.REPLACE) {
            candidates.forEach(c -> replacedOrRemoved.add(c.reading().key()));
        }
        SeriesNeighbours neighbours = validate ? fetchNeighbours(org, candidates, replacedOrRemoved) : NO_NEIGHBOURS;
        ReadingBatchValidator validator = new ReadingBatchValidator(neighbours,
                validate ? plausibility.forWrite(org) : PlausibilityPolicy.NONE);
        return recoverSlips ? validator.judge(candidates, now, ctx.businessZone(), validate)
                : new ReadingBatchValidator.Judgement(validator.validate(candidates, now, ctx.businessZone(), validate), List.of());
    }

    /**
     * Removes the pending changesets that direct writes confirm (DOMAIN.md "Changesets").
     *
     * @return the cleared changesets
     */
    List<Changeset> autoClear(OrganizationId org, List<Reading> written) {
        Set<CounterId> counters = written.stream().map(Reading::counterId).collect(Collectors.toSet());
        List<Changeset> pending = ctx.changesets().findByCounters(org, counters);
        List<Changeset> cleared = pending.stream()
                .filter(cs -> written.stream().anyMatch(r -> ChangesetMatcher.confirms(cs, r)))
                .toList();
        cleared.forEach(cs -> ctx.changesets().delete(org, cs.id()));
        return cleared;
    }

    private SeriesNeighbours fetchNeighbours(OrganizationId org, List<ReadingCandidate> candidates,
            Collection<ReadingKey> removed) {
        List<NeighbourProbe> probes = candidates.stream()
                .map(c -> new NeighbourProbe(c.reading().series(), c.reading().timestamp()))
                .distinct()
                .toList();
        Map<NeighbourProbe, Neighbours> found = new java.util.HashMap<>(ctx.readings().neighbours(org, probes, removed));
        // other instants are asked only when a reading shows a stored slip: the neighbours of the slip
        Function<NeighbourProbe, Neighbours> at = probe -> found.computeIfAbsent(probe,
                p -> ctx.readings().neighbours(org, List.of(p), removed).getOrDefault(p, Neighbours.NONE));
        return new SeriesNeighbours() {
            @Override
            public Optional<SeriesPoint> previous(SeriesKey series, Instant t) {
                return at.apply(new NeighbourProbe(series, t)).previous();
            }

            @Override
            public Optional<SeriesPoint> next(SeriesKey series, Instant t) {
                return at.apply(new NeighbourProbe(series, t)).next();
            }
        };
    }

    private static final SeriesNeighbours NO_NEIGHBOURS = new SeriesNeighbours() {
        @Override
        public Optional<SeriesPoint> previous(SeriesKey series, Instant t) {
            return Optional.empty();
        }

        @Override
        public Optional<SeriesPoint> next(SeriesKey series, Instant t) {
            return Optional.empty();
        }
    };
}
