package io.metering.domain.reading;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges a batch of proposed readings against the stored series and against each other (DOMAIN.md
 * "Writing readings"). A batch is all or nothing: the first broken rule, by position in the
 * request, rejects it, and the message names that position.
 *
 * <p>Rules, in order, for each reading:
 * <ol>
 *   <li>{@code negative_value} and value size: always, even when validation is skipped;</li>
 *   <li>two readings of the batch with the same series and instant: {@code duplicate_reading};</li>
 *   <li>with validation on: {@code meter_decommissioned}, {@code timestamp_future} (after now),
 *       {@code contract_period}, {@code exceeds_register_capacity};</li>
 *   <li>with validation on, against the nearest earlier plausible reading of the series (stored
 *       or earlier in the batch): {@code less_than_previous}, unless the reading starts a segment
 *       or the step is a register wrap; equal is allowed;</li>
 *   <li>with validation on, against the nearest later stored reading: {@code
 *       greater_than_subsequent}, unless that reading starts a segment (a later reading of the
 *       batch is checked from its own side instead);</li>
 *   <li>with validation on, a reading with no later stored reading whose value exceeds the
 *       plausibility bound is marked {@code implausible} (unless the writer set a status) and is not
 *       used as a predecessor by the rest of the batch. The policy is told which points the batch
 *       accepted before the reading, since they are not stored yet.</li>
 * </ol>
 * Readings whose writer marked them implausible take no part in the ordering rules.
 */
public final class ReadingBatchValidator {
    private final SeriesNeighbours stored;
    private final PlausibilityPolicy plausibility;

    /**
     * @param stored the stored neighbours, without implausible readings and without readings this
     *     write replaces or removes
     * @param plausibility the plausibility bound for appended readings
     */
    public ReadingBatchValidator(SeriesNeighbours stored, PlausibilityPolicy plausibility) {
        this.stored = stored;
        this.plausibility = plausibility;
    }

    /**
     * @param batch the proposed readings
     * @param now the server's current instant
     * @param validate false when an admin asked {@code skip_validation=true}
     * @return the readings to store, in batch order, with status {@code implausible} where the
     *     plausibility rule set it
     * @throws InvalidRequestException the first broken rule, by batch position
     */
    public List<Reading> validate(List<ReadingCandidate> batch, Instant now, boolean validate) {
        TreeMap<Integer, InvalidRequestException> failures = new TreeMap<>();
        Map<ReadingKey, ReadingCandidate> byKey = new HashMap<>();
        for (ReadingCandidate c : batch) {
            ReadingCandidate other = byKey.putIfAbsent(c.reading().key(), c);
            if (other != null) {
                failures.putIfAbsent(c.index(), new InvalidRequestException(RejectionReason.DUPLICATE_READING,
                        "readings[" + c.index() + "] has the same counter, direction and timestamp "
                                + c.reading().timestamp() + " as readings[" + other.index() + "]"));
            }
        }
        if (!validate) {
            throwFirst(failures);
            return batch.stream().map(ReadingCandidate::reading).toList();
        }
        for (ReadingCandidate c : batch) {
            checkSingle(c, now).ifPresent(e -> failures.putIfAbsent(c.index(), e));
        }
        Map<Integer, Reading> decided = new HashMap<>();
        Map<SeriesKey, List<ReadingCandidate>> bySeries = new TreeMap<>();
        for (ReadingCandidate c : batch) {
            if (!failures.containsKey(c.index())) {
                bySeries.computeIfAbsent(c.reading().series(), k -> new ArrayList<>()).add(c);
            }
        }
        bySeries.forEach((series, candidates) -> checkSeries(series, candidates, decided, failures));
        throwFirst(failures);
        return batch.stream().map(c -> decided.getOrDefault(c.index(), c.reading())).toList();
    }

    /** The reading's position for a message; built only on failure (a large import judges millions). */
    private static String at(ReadingCandidate c) {
        return "readings[" + c.index() + "]";
    }

    /** Rejects the batch with the failure of the lowest position, if any. */
    private static void throwFirst(TreeMap<Integer, InvalidRequestException> failures) {
        if (!failures.isEmpty()) {
            throw failures.firstEntry().getValue();
        }
    }

    private static Optional<InvalidRequestException> checkSingle(ReadingCandidate c, Instant now) {
        Reading r = c.reading();
        if (c.meter().isDecommissioned()) {
            return Optional.of(new InvalidRequestException(RejectionReason.METER_DECOMMISSIONED,
                    at(c) + ": meter " + c.meter().id() + " is decommissioned"));
        }
        if (r.timestamp().isAfter(now)) {
            return Optional.of(new InvalidRequestException(RejectionReason.TIMESTAMP_FUTURE,
                    at(c) + ": timestamp " + r.timestamp() + " is in the future"));
        }
        if (!c.meter().acceptsReadingAt(r.timestamp())) {
            return Optional.of(new InvalidRequestException(RejectionReason.CONTRACT_PERIOD,
                    at(c) + ": timestamp " + r.timestamp() + " lies outside the meter's contract periods"));
        }
        Optional<RegisterCapacity> capacity = c.counter().capacity();
        if (capacity.isPresent() && !capacity.get().fits(r.value())) {
            return Optional.of(new InvalidRequestException(RejectionReason.EXCEEDS_REGISTER_CAPACITY,
                    at(c) + ": value " + r.value().toPlainString() + " does not fit a register of capacity "
                            + capacity.get().value().toPlainString()));
        }
        return Optional.empty();
    }

    private void checkSeries(SeriesKey series, List<ReadingCandidate> candidates, Map<Integer, Reading> decided,
            TreeMap<Integer, InvalidRequestException> failures) {
        List<ReadingCandidate> ascending = new ArrayList<>(candidates);
        ascending.sort(Comparator.comparing(c -> c.reading().timestamp()));
        Instant[] batchNext = nextPlausibleTimestamps(ascending);
        TreeMap<Instant, SeriesPoint> acceptedBatch = new TreeMap<>();
        for (int i = 0; i < ascending.size(); i++) {
            ReadingCandidate c = ascending.get(i);
            Reading r = c.reading();
            if (r.isImplausible()) {
                continue;
            }
            Optional<RegisterCapacity> capacity = c.counter().capacity();
            Optional<SeriesPoint> previous = nearer(stored.previous(series, r.timestamp()),
                    Optional.ofNullable(acceptedBatch.lowerEntry(r.timestamp())).map(Map.Entry::getValue), true);
            if (previous.isPresent() && !r.startsSegment()
                    && !RegisterArithmetic.inOrder(previous.get().value(), r.value(), capacity)) {
                failures.put(c.index(), new InvalidRequestException(RejectionReason.LESS_THAN_PREVIOUS,
                        at(c) + ": value " + r.value().toPlainString() + " is less than the previous reading "
                                + previous.get().value().toPlainString() + " at " + previous.get().timestamp()));
                continue;
            }
            Optional<SeriesPoint> storedNext = stored.next(series, r.timestamp());
            boolean storedIsNearest = storedNext.isPresent()
                    && (batchNext[i] == null || storedNext.get().timestamp().isBefore(batchNext[i]));
            if (storedIsNearest && !storedNext.get().segmentStart()
                    && !RegisterArithmetic.inOrder(r.value(), storedNext.get().value(), capacity)) {
                failures.put(c.index(), new InvalidRequestException(RejectionReason.GREATER_THAN_SUBSEQUENT,
                        at(c) + ": value " + r.value().toPlainString() + " is greater than the subsequent reading "
                                + storedNext.get().value().toPlainString() + " at " + storedNext.get().timestamp()));
                continue;
            }
            if (storedNext.isEmpty() && previous.isPresent() && !c.statusSetByWriter() && !r.startsSegment()
                    && isAboveBound(series, r, previous.get(), acceptedBatch, capacity)) {
                decided.put(c.index(), r.withStatus(ReadingStatus.IMPLAUSIBLE));
                continue;
            }
            acceptedBatch.put(r.timestamp(), r.point());
        }
    }

    /**
     * Asks the policy with the points this write accepted before the reading, and compares a value
     * that wraps the register as {@code value + capacity}: the bound is unwrapped, so a wrap implying
     * far more consumption than plausible is caught too.
     */
    private boolean isAboveBound(SeriesKey series, Reading r, SeriesPoint previous, TreeMap<Instant, SeriesPoint> acceptedBatch,
            Optional<RegisterCapacity> capacity) {
        BigDecimal value = r.value();
        if (capacity.isPresent() && capacity.get().isWrap(previous.value(), value)) {
            value = value.add(capacity.get().value());
        }
        Optional<BigDecimal> least = plausibility.boundAtLeast(previous);
        if (least.isPresent() && value.compareTo(least.get()) <= 0) {
            return false; // below any bound the policy can give: no need to read history
        }
        List<SeriesPoint> written = List.copyOf(acceptedBatch.headMap(r.timestamp()).values());
        Optional<BigDecimal> bound = plausibility.upperBound(
                new PlausibilityQuestion(series, capacity, r.timestamp(), previous, written));
        if (bound.isEmpty()) {
            return false;
        }
        return value.compareTo(bound.get()) > 0;
    }

    private static Optional<SeriesPoint> nearer(Optional<SeriesPoint> a, Optional<SeriesPoint> b, boolean latest) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        boolean aIsLater = a.get().timestamp().isAfter(b.get().timestamp());
        return (aIsLater == latest) ? a : b;
    }

    /** For each position, the instant of the next later batch reading not marked implausible by its writer. */
    private static Instant[] nextPlausibleTimestamps(List<ReadingCandidate> ascending) {
        Instant[] next = new Instant[ascending.size()];
        Instant following = null;
        for (int i = ascending.size() - 1; i >= 0; i--) {
            next[i] = following;
            Reading r = ascending.get(i).reading();
            if (!r.isImplausible()) {
                following = r.timestamp();
            }
        }
        return next;
    }
}
