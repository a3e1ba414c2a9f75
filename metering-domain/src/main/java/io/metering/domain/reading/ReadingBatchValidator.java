package io.metering.domain.reading;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterLifecycle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges a batch of proposed readings against the stored series and against each other (docs/domain.md
 * "Writing readings"). A batch is all or nothing: the first broken rule, by position in the
 * request, rejects it, and the message names that position.
 *
 * <p>Rules, in order, for each reading:
 * <ol>
 *   <li>{@code negative_value} and value size: always, even when validation is skipped;</li>
 *   <li>two readings of the batch with the same series and instant: {@code duplicate_reading};</li>
 *   <li>a reading after a decommissioned meter's closing instant: {@code meter_decommissioned},
 *       always (docs/domain.md#decommissioned-meters);</li>
 *   <li>with validation on: {@code timestamp_future} (after now; a date-only reading of the business
 *       day's date never is, docs/domain.md#date-only-today), {@code timestamp_too_early}
 *       (docs/domain.md#plausible-dates), {@code contract_period}, {@code exceeds_register_capacity};</li>
 *   <li>with validation on, against the nearest earlier plausible reading of the series (stored
 *       or earlier in the batch): {@code less_than_previous}, unless the reading starts a segment
 *       or the step is a register wrap; equal is allowed. With {@link #judge}, a predecessor the
 *       reading shows to be a unit slip is demoted instead (docs/domain.md#a-slip-shown-by-a-later-reading);</li>
 *   <li>with validation on, against the nearest later stored reading: {@code
 *       greater_than_subsequent}, unless that reading starts a segment (a later reading of the
 *       batch is checked from its own side instead);</li>
 *   <li>with validation on, a reading with no later stored reading whose value exceeds the
 *       plausibility bound, or without a bound reaches the policy's limit for fresh counters
 *       (docs/domain.md#without-a-rate-fresh-counters), is marked {@code implausible} (unless the
 *       writer set a status) and is not used as a predecessor by the rest of the batch. The policy is told which points the batch
 *       accepted before the reading, since they are not stored yet.</li>
 * </ol>
 * Readings whose writer marked them implausible take no part in the ordering rules. Rules 5 to 7
 * are the named series rules ({@code seriesRules}), applied in order; a delete or move is judged by
 * the same order rule from the emptied position ({@link #removalBreaksOrder}).
 */
public final class ReadingBatchValidator {
    private final SeriesNeighbours stored;
    private final PlausibilityPolicy plausibility;
    /** Whether a judgement may demote stored readings a later one shows to be slips (see {@link #judge}). */
    private boolean recoverSlips;
    /** The stored points this judgement found to be slips, by series. */
    private final Map<SeriesKey, TreeMap<Instant, SeriesPoint>> demoted = new HashMap<>();

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
     * A validator that applies every rule but the plausibility bound: no reading is marked
     * {@code implausible} by it (docs/domain-library.md).
     *
     * @param stored the stored neighbours, e.g. an {@link InMemorySeries}
     */
    public ReadingBatchValidator(SeriesNeighbours stored) {
        this(stored, PlausibilityPolicy.NONE);
    }

    /**
     * What a write stores: the batch's readings and the stored readings it shows to be unit slips.
     *
     * @param readings the readings to store, in batch order
     * @param demoted keys of stored readings to store with status {@code implausible} (a later
     *     reading of this batch showed each to be a slip, docs/domain.md#a-slip-shown-by-a-later-reading)
     */
    public record Judgement(List<Reading> readings, List<ReadingKey> demoted) {}

    /**
     * As {@link #validate(List, Instant, ZoneId, boolean)}, and a reading that would be {@code
     * less_than_previous} because its predecessor is a unit slip the plausibility bound could not see
     * (docs/domain.md#a-slip-shown-by-a-later-reading) demotes that predecessor instead of being
     * refused. The caller stores the demoted readings with status {@code implausible} in the same
     * transaction.
     */
    public Judgement judge(List<ReadingCandidate> batch, Instant now, ZoneId businessZone, boolean validate) {
        recoverSlips = true;
        demoted.clear();
        List<Reading> readings = validate(batch, now, businessZone, validate);
        List<ReadingKey> keys = new ArrayList<>();
        demoted.forEach((series, points) -> points.keySet().forEach(t -> keys.add(new ReadingKey(series, t))));
        return new Judgement(readings, keys);
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
        return validate(batch, now, ZoneOffset.UTC, validate);
    }

    /**
     * As {@link #validate(List, Instant, boolean)}, with the business time zone for calendar dates
     * (a date-only reading's "today", installation and decommissioning dates).
     *
     * @param businessZone the business time zone
     */
    public List<Reading> validate(List<ReadingCandidate> batch, Instant now, ZoneId businessZone, boolean validate) {
        TreeMap<Integer, InvalidRequestException> failures = new TreeMap<>();
        for (ReadingCandidate c : batch) {
            checkOpen(c, businessZone).ifPresent(e -> failures.putIfAbsent(c.index(), e));
        }
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
            checkSingle(c, now, businessZone).ifPresent(e -> failures.putIfAbsent(c.index(), e));
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

    /** Nothing is written after a decommissioned meter's closing instant, validation or not. */
    private static Optional<InvalidRequestException> checkOpen(ReadingCandidate c, ZoneId businessZone) {
        Optional<Instant> closed = MeterLifecycle.closedAt(c.meter(), businessZone);
        if (closed.isPresent() && c.reading().timestamp().isAfter(closed.get())) {
            return Optional.of(new InvalidRequestException(RejectionReason.METER_DECOMMISSIONED,
                    at(c) + ": meter " + c.meter().id() + " is decommissioned at " + closed.get()
                            + "; no reading may follow that instant"));
        }
        return Optional.empty();
    }

    /**
     * Whether the instant is in the future for a reading: after now, unless it is 00:00 UTC of a date
     * up to the business day's date, which is how a date-only input of that date is stored
     * (docs/domain.md#date-only-today).
     */
    static boolean isFuture(Instant t, Instant now, ZoneId businessZone) {
        if (!t.isAfter(now)) {
            return false;
        }
        if (!t.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return true;
        }
        return LocalDate.ofInstant(t, ZoneOffset.UTC).isAfter(LocalDate.ofInstant(now, businessZone));
    }

    private static Optional<InvalidRequestException> checkSingle(ReadingCandidate c, Instant now, ZoneId businessZone) {
        Reading r = c.reading();
        if (isFuture(r.timestamp(), now, businessZone)) {
            return Optional.of(new InvalidRequestException(RejectionReason.TIMESTAMP_FUTURE,
                    at(c) + ": timestamp " + r.timestamp() + " is in the future"));
        }
        Instant earliest = MeterLifecycle.earliestReading(c.meter(), businessZone);
        if (r.timestamp().isBefore(earliest)) {
            return Optional.of(new InvalidRequestException(RejectionReason.TIMESTAMP_TOO_EARLY,
                    at(c) + ": timestamp " + r.timestamp() + " lies before " + earliest + ", the "
                            // only a time before any plausible reading hints at a clock reset; an installation date is just a date
                            + (earliest.equals(MeterLifecycle.EARLIEST_PLAUSIBLE)
                                    ? "earliest plausible reading time (a meter clock fallen back to its epoch?)"
                                    : "start of the meter's installation (or commissioning) date; a meter has no readings before it is installed")));
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

    /**
     * A reading in its series while the ordered rules judge it: its nearest earlier plausible point
     * (stored or accepted before it in the batch) and, once asked, its nearest later stored one.
     */
    private final class Place {
        final SeriesKey series;
        final ReadingCandidate candidate;
        final Reading reading;
        final Optional<RegisterCapacity> capacity;
        /** The next later batch reading's instant not marked implausible by its writer, or null. */
        final Instant batchNext;
        final TreeMap<Instant, SeriesPoint> acceptedBatch;
        final List<ReadingCandidate> ascending;
        final Map<Integer, Reading> decided;
        final TreeMap<Integer, InvalidRequestException> failures;
        private Optional<SeriesPoint> previous;
        private Optional<SeriesPoint> storedNext;

        Place(SeriesKey series, ReadingCandidate candidate, Instant batchNext, TreeMap<Instant, SeriesPoint> acceptedBatch,
                List<ReadingCandidate> ascending, Map<Integer, Reading> decided, TreeMap<Integer, InvalidRequestException> failures) {
            this.series = series;
            this.candidate = candidate;
            this.reading = candidate.reading();
            this.capacity = candidate.counter().capacity();
            this.batchNext = batchNext;
            this.acceptedBatch = acceptedBatch;
            this.ascending = ascending;
            this.decided = decided;
            this.failures = failures;
        }

        Optional<SeriesPoint> previous() {
            if (previous == null) {
                previous = ReadingBatchValidator.this.previous(series, reading.timestamp(), acceptedBatch);
            }
            return previous;
        }

        /** Asks again after the predecessor was demoted as a slip. */
        void forgetPrevious() {
            previous = null;
        }

        Optional<SeriesPoint> storedNext() {
            if (storedNext == null) {
                storedNext = stored.next(series, reading.timestamp());
            }
            return storedNext;
        }

        /** Whether the reading lies below its predecessor, which no segment start or register wrap excuses. */
        boolean belowPrevious() {
            return previous().isPresent() && !reading.startsSegment()
                    && !RegisterArithmetic.inOrder(previous().get().value(), reading.value(), capacity);
        }

        /** Refuses the reading; the batch fails with the refusal of the lowest position. */
        boolean refuse(RejectionReason reason, String message) {
            failures.put(candidate.index(), new InvalidRequestException(reason, at(candidate) + ": " + message));
            return false;
        }
    }

    /**
     * One named ordering rule (docs/domain.md "Writing readings").
     *
     * @param name what the rule guards, for readers and stack traces
     * @param check true to go on to the next rule; false when the rule decided the reading's fate
     *     (refused, marked implausible, or out of the ordering)
     */
    private record SeriesRule(String name, java.util.function.Predicate<Place> check) {}

    /**
     * The ordering rules of insert and replace, applied in this order to each reading until one
     * decides; a reading all of them let pass becomes the predecessor of the rest of the batch.
     * Delete and move are judged by {@link #removalBreaksOrder}, the same order rule seen from the
     * emptied position.
     */
    private final List<SeriesRule> seriesRules = List.of(
            new SeriesRule("writer-marked implausible takes no part", p -> !p.reading.isImplausible()),
            new SeriesRule("a slip shown by a later reading", this::recoverSlip),
            new SeriesRule("less_than_previous", p -> !p.belowPrevious() || p.refuse(RejectionReason.LESS_THAN_PREVIOUS,
                    "value " + p.reading.value().toPlainString() + " is less than the previous reading "
                            + p.previous().get().value().toPlainString() + " at " + p.previous().get().timestamp())),
            new SeriesRule("greater_than_subsequent", this::notAboveSubsequent),
            new SeriesRule("plausibility bound", this::withinBound));

    private void checkSeries(SeriesKey series, List<ReadingCandidate> candidates, Map<Integer, Reading> decided,
            TreeMap<Integer, InvalidRequestException> failures) {
        List<ReadingCandidate> ascending = new ArrayList<>(candidates);
        ascending.sort(Comparator.comparing(c -> c.reading().timestamp()));
        Instant[] batchNext = nextPlausibleTimestamps(ascending);
        TreeMap<Instant, SeriesPoint> acceptedBatch = new TreeMap<>();
        for (int i = 0; i < ascending.size(); i++) {
            Place place = new Place(series, ascending.get(i), batchNext[i], acceptedBatch, ascending, decided, failures);
            if (passes(place)) {
                acceptedBatch.put(place.reading.timestamp(), place.reading.point());
            }
        }
    }

    /** Whether every rule lets the reading pass, in order; the first that decides ends the judging. */
    private boolean passes(Place place) {
        for (SeriesRule rule : seriesRules) {
            if (!rule.check().test(place)) {
                return false;
            }
        }
        return true;
    }

    /**
     * With {@link #judge}, a predecessor the reading shows to be a unit slip is demoted instead of
     * the reading refused (docs/domain.md#a-slip-shown-by-a-later-reading); the reading then
     * follows the point before the slip.
     */
    private boolean recoverSlip(Place p) {
        if (recoverSlips && p.belowPrevious() && isSlipShownBy(p.series, p.previous().get(), p.reading, p.acceptedBatch)) {
            demote(p.series, p.previous().get(), p.acceptedBatch, p.ascending, p.decided);
            p.forgetPrevious();
        }
        return true;
    }

    /**
     * A reading may not exceed the nearest later stored reading unless that one starts a segment;
     * a later reading of the batch is checked from its own side instead.
     */
    private boolean notAboveSubsequent(Place p) {
        Optional<SeriesPoint> next = p.storedNext();
        boolean storedIsNearest = next.isPresent() && (p.batchNext == null || next.get().timestamp().isBefore(p.batchNext));
        if (storedIsNearest && !next.get().segmentStart() && !RegisterArithmetic.inOrder(p.reading.value(), next.get().value(), p.capacity)) {
            return p.refuse(RejectionReason.GREATER_THAN_SUBSEQUENT, "value " + p.reading.value().toPlainString()
                    + " is greater than the subsequent reading " + next.get().value().toPlainString() + " at " + next.get().timestamp());
        }
        return true;
    }

    /** A reading appended above the plausibility bound is marked implausible unless its writer set a status. */
    private boolean withinBound(Place p) {
        if (p.storedNext().isEmpty() && p.previous().isPresent() && !p.candidate.statusSetByWriter() && !p.reading.startsSegment()
                && isAboveBound(p.series, p.reading, p.previous().get(), p.acceptedBatch, p.capacity)) {
            p.decided.put(p.candidate.index(), p.reading.withStatus(ReadingStatus.IMPLAUSIBLE));
            return false;
        }
        return true;
    }

    /**
     * The order rule seen from a position a delete or move empties (docs/domain.md
     * "Writing readings"): its former neighbours become adjacent, and the later one may not lie
     * below the earlier one unless it starts a segment or the step is a register wrap.
     *
     * @param previous the nearest plausible reading before the emptied position, if any
     * @param next the nearest plausible reading after it, if any
     * @param capacity the register capacity, if the register rolls over
     * @return whether emptying the position breaks the order
     */
    public static boolean removalBreaksOrder(Optional<SeriesPoint> previous, Optional<SeriesPoint> next,
            Optional<RegisterCapacity> capacity) {
        return previous.isPresent() && next.isPresent() && !next.get().segmentStart()
                && !RegisterArithmetic.inOrder(previous.get().value(), next.get().value(), capacity);
    }

    /** The nearest earlier plausible point, stored or accepted earlier in the batch, leaving out demoted ones. */
    private Optional<SeriesPoint> previous(SeriesKey series, Instant t, TreeMap<Instant, SeriesPoint> acceptedBatch) {
        Optional<SeriesPoint> fromStore = stored.previous(series, t);
        TreeMap<Instant, SeriesPoint> out = demoted.get(series);
        while (out != null && fromStore.isPresent() && out.containsKey(fromStore.get().timestamp())) {
            Instant slip = fromStore.get().timestamp();
            fromStore = stored.previous(series, slip);
            if (fromStore.isPresent() && !fromStore.get().timestamp().isBefore(slip)) {
                // neighbours that know only the batch's own instants cannot look past a slip
                throw new IllegalStateException("the stored neighbours cannot tell what lies before " + slip);
            }
        }
        return nearer(fromStore, Optional.ofNullable(acceptedBatch.lowerEntry(t)).map(Map.Entry::getValue), true);
    }

    /**
     * Whether a reading below its predecessor shows that predecessor to be a unit slip
     * (docs/domain.md#a-slip-shown-by-a-later-reading): the predecessor starts no segment, is at
     * least {@value io.metering.domain.plausibility.PlausibilityRule#FRESH_FACTOR} times the reading,
     * and itself jumped by that factor over its own predecessor, or has none. A genuine reading
     * followed by a typo (a digit too few) is not such a jump, and the typo is refused as before.
     */
    private boolean isSlipShownBy(SeriesKey series, SeriesPoint previous, Reading r, TreeMap<Instant, SeriesPoint> acceptedBatch) {
        BigDecimal factor = BigDecimal.valueOf(io.metering.domain.plausibility.PlausibilityRule.FRESH_FACTOR);
        if (previous.segmentStart() || r.value().multiply(factor).compareTo(previous.value()) > 0) {
            return false;
        }
        Optional<SeriesPoint> before = previous(series, previous.timestamp(), acceptedBatch);
        return before.isEmpty() || before.get().value().multiply(factor).compareTo(previous.value()) <= 0;
    }

    /** Takes a slip out of the series: marks a batch reading implausible, or records a stored one. */
    private void demote(SeriesKey series, SeriesPoint slip, TreeMap<Instant, SeriesPoint> acceptedBatch, List<ReadingCandidate> ascending,
            Map<Integer, Reading> decided) {
        if (acceptedBatch.remove(slip.timestamp()) != null) {
            for (ReadingCandidate c : ascending) {
                if (c.reading().timestamp().equals(slip.timestamp())) {
                    decided.put(c.index(), c.reading().withStatus(ReadingStatus.IMPLAUSIBLE));
                }
            }
            return;
        }
        demoted.computeIfAbsent(series, k -> new TreeMap<>()).put(slip.timestamp(), slip);
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
            // a fresh counter (docs/domain.md#without-a-rate-fresh-counters): a jump by the slip factor
            Optional<BigDecimal> limit = plausibility.limitWithoutBound(previous);
            return limit.isPresent() && value.compareTo(limit.get()) >= 0;
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
