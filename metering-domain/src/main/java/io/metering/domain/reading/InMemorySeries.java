package io.metering.domain.reading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Readings held in memory, seen by the write rules as stored ones: the {@link SeriesNeighbours} a
 * service needs to judge readings with a {@link ReadingBatchValidator} without a database
 * (docs/domain-library.md). At most one reading per {@link ReadingKey}: adding another at the same
 * key replaces it, as a write does.
 *
 * <p>As the {@link SeriesNeighbours} contract asks, implausible readings and readings named by
 * {@link #replacing} are no neighbours. Not thread-safe: give each thread its own, or guard it.
 */
public final class InMemorySeries implements SeriesNeighbours {
    private final Map<SeriesKey, TreeMap<Instant, Reading>> bySeries = new HashMap<>();
    private final Set<ReadingKey> replaced = new HashSet<>();

    /** An empty series set. */
    public InMemorySeries() {}

    /**
     * @param readings the readings held at first, in any order
     * @return a series set holding them
     */
    public static InMemorySeries of(Reading... readings) {
        return new InMemorySeries().addAll(List.of(readings));
    }

    /**
     * Holds a reading, replacing one at the same counter, direction and instant.
     *
     * @param reading the reading
     * @return this
     */
    public InMemorySeries add(Reading reading) {
        bySeries.computeIfAbsent(reading.series(), k -> new TreeMap<>()).put(reading.timestamp(), reading);
        return this;
    }

    /**
     * Holds each reading as {@link #add} does.
     *
     * @param readings the readings, in any order
     * @return this
     */
    public InMemorySeries addAll(Collection<Reading> readings) {
        readings.forEach(this::add);
        return this;
    }

    /**
     * Stores what a write decided: its readings, and the held readings it found to be unit slips
     * again with status {@code implausible} (docs/domain.md#a-slip-shown-by-a-later-reading).
     *
     * @param judgement the validator's judgement of a batch
     * @return this
     */
    public InMemorySeries store(ReadingBatchValidator.Judgement judgement) {
        addAll(judgement.readings());
        return demote(judgement.demoted());
    }

    /**
     * Marks held readings implausible, as a write does with the slips it found.
     *
     * @param keys keys of held readings; keys held by none are passed over
     * @return this
     */
    public InMemorySeries demote(Collection<ReadingKey> keys) {
        for (ReadingKey k : keys) {
            find(k).ifPresent(r -> add(r.withStatus(ReadingStatus.IMPLAUSIBLE)));
        }
        return this;
    }

    /**
     * Leaves these readings out of the neighbours from now on: the readings a write replaces or
     * removes, which the rules judge it without.
     *
     * @param keys keys of readings the write replaces or removes
     * @return this
     */
    public InMemorySeries replacing(Collection<ReadingKey> keys) {
        replaced.addAll(keys);
        return this;
    }

    /**
     * @param key a reading's key
     * @return the held reading at that key, implausible or not
     */
    public Optional<Reading> find(ReadingKey key) {
        return Optional.ofNullable(bySeries.getOrDefault(key.series(), new TreeMap<>()).get(key.timestamp()));
    }

    /**
     * @param series a counter and direction
     * @return every held reading of the series, ascending by instant, implausible ones included
     */
    public List<Reading> readings(SeriesKey series) {
        return List.copyOf(bySeries.getOrDefault(series, new TreeMap<>()).values());
    }

    /**
     * The points the rules and the consumption curve use: the plausible readings, ascending (feed
     * them to {@link io.metering.domain.consumption.ConsumptionCurve#of}).
     *
     * @param series a counter and direction
     * @return the neighbour points of the series, ascending by instant
     */
    public List<SeriesPoint> points(SeriesKey series) {
        return neighbourPoints(bySeries.getOrDefault(series, new TreeMap<>()).values());
    }

    /**
     * @param series a counter and direction
     * @param t an instant
     * @return the neighbour points of the series strictly before {@code t}, ascending
     */
    public List<SeriesPoint> pointsBefore(SeriesKey series, Instant t) {
        return neighbourPoints(bySeries.getOrDefault(series, new TreeMap<>()).headMap(t).values());
    }

    private List<SeriesPoint> neighbourPoints(Collection<Reading> ascending) {
        List<SeriesPoint> out = new ArrayList<>();
        for (Reading r : ascending) {
            if (isNeighbour(r)) {
                out.add(r.point());
            }
        }
        return out;
    }

    @Override
    public Optional<SeriesPoint> previous(SeriesKey series, Instant t) {
        TreeMap<Instant, Reading> held = bySeries.get(series);
        Map.Entry<Instant, Reading> e = held == null ? null : held.lowerEntry(t);
        while (e != null && !isNeighbour(e.getValue())) {
            e = held.lowerEntry(e.getKey());
        }
        return Optional.ofNullable(e).map(x -> x.getValue().point());
    }

    @Override
    public Optional<SeriesPoint> next(SeriesKey series, Instant t) {
        TreeMap<Instant, Reading> held = bySeries.get(series);
        Map.Entry<Instant, Reading> e = held == null ? null : held.higherEntry(t);
        while (e != null && !isNeighbour(e.getValue())) {
            e = held.higherEntry(e.getKey());
        }
        return Optional.ofNullable(e).map(x -> x.getValue().point());
    }

    private boolean isNeighbour(Reading r) {
        return !r.isImplausible() && !replaced.contains(r.key());
    }
}
