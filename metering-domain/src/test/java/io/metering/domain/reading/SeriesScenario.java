package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.bareCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.Meter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * A random stored history of a bidirectional counter (both directions, some segment starts, some
 * implausible readings, wraps when the register declares a capacity) and a random proposed batch.
 * Readings lie on hourly slots; the server's now is slot {@link #NOW_SLOT}, so a few batch readings
 * fall in the future.
 *
 * <p>The meter is in one of several states: active and unbounded, installed at a slot (readings
 * before it are too early), decommissioned at a slot (nothing after it), or bounded by contract
 * periods ({@link MeterState}).
 *
 * <p>It also knows what docs/domain.md says of the result, independently of the validator: the
 * series after the write, and whether every segment of it is in order.
 */
record SeriesScenario(Meter meter, Counter counter, List<Reading> stored, List<ReadingSpec> batchSpecs, Instant now) {
    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    static final int NOW_SLOT = 44;
    static final BigDecimal CAPACITY = new BigDecimal("1000");

    List<ReadingCandidate> batch() {
        return ReadingSpec.batch(batchSpecs.toArray(ReadingSpec[]::new));
    }

    Optional<RegisterCapacity> capacity() {
        return counter.capacity();
    }

    /** The stored readings as the write rules see them: the readings the batch replaces are left out. */
    InMemorySeries neighbours() {
        InMemorySeries s = new InMemorySeries();
        stored.forEach(s::add);
        return s.replacing(batch().stream().map(c -> c.reading().key()).toList());
    }

    boolean hasBatchDuplicates() {
        Set<ReadingKey> keys = new HashSet<>();
        return batch().stream().anyMatch(c -> !keys.add(c.reading().key()));
    }

    /**
     * Whether the batch takes a stored plausible reading out of the series by overwriting it with a
     * reading marked implausible. Its two neighbours then become adjacent without either being
     * checked by the validator, whose neighbours leave replaced readings out; the write path checks
     * them after the write (ReadingWriter with SeriesGapGuard, docs/domain.md#a-correction-never-breaks-the-series;
     * WriteServicesPropertiesTest in metering-application).
     */
    boolean takesAStoredReadingOutOfTheSeries() {
        Set<ReadingKey> plausibleStored = stored.stream().filter(r -> !r.isImplausible()).map(Reading::key)
                .collect(Collectors.toSet());
        return batch().stream().map(ReadingCandidate::reading)
                .anyMatch(r -> r.isImplausible() && plausibleStored.contains(r.key()));
    }

    boolean breaksSingleReadingRule() {
        return batch().stream().map(ReadingCandidate::reading).anyMatch(r -> r.timestamp().isAfter(now)
                || capacity().map(c -> !c.fits(r.value())).orElse(false) || !MeterState.of(meter).admits(r.timestamp()));
    }

    /** Whether a batch reading lies after the meter's closing instant, which no option lets through. */
    boolean writesAfterClosing() {
        return batch().stream().map(ReadingCandidate::reading).anyMatch(r -> MeterState.of(meter).closesBefore(r.timestamp()));
    }

    /**
     * The plausible points of every series once {@code written} is stored over the stored readings
     * (a written reading replaces a stored one at its key).
     */
    Map<SeriesKey, List<SeriesPoint>> seriesAfter(List<Reading> written) {
        Map<ReadingKey, Reading> all = new HashMap<>();
        stored.forEach(r -> all.put(r.key(), r));
        written.forEach(r -> all.put(r.key(), r));
        return all.values().stream().filter(r -> !r.isImplausible())
                .collect(Collectors.groupingBy(Reading::series, TreeMap::new, Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().sorted(Comparator.comparing(Reading::timestamp)).map(Reading::point).toList())));
    }

    /**
     * docs/domain.md#writing-readings: within a segment a value never falls below its predecessor,
     * except across a wrap of a register with declared capacity.
     */
    static boolean inOrder(List<SeriesPoint> ascending, Optional<RegisterCapacity> capacity) {
        for (int i = 1; i < ascending.size(); i++) {
            SeriesPoint p = ascending.get(i - 1);
            SeriesPoint q = ascending.get(i);
            boolean rises = q.value().compareTo(p.value()) >= 0;
            boolean wraps = capacity.isPresent() && capacity.get().isWrap(p.value(), q.value());
            if (!q.segmentStart() && !rises && !wraps) {
                return false;
            }
        }
        return true;
    }

    boolean everySeriesInOrderAfter(List<Reading> written) {
        return seriesAfter(written).values().stream().allMatch(s -> inOrder(s, capacity()));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("capacity=").append(counter.registerCapacity()).append("\nstored:\n");
        stored.stream().sorted(Comparator.comparing(Reading::timestamp)).forEach(r -> b.append("  ").append(show(r)).append('\n'));
        b.append("batch:\n");
        List<ReadingCandidate> batch = batch();
        batch.forEach(c -> b.append("  [").append(c.index()).append("] ").append(show(c.reading())).append('\n'));
        return b.toString();
    }

    private static String show(Reading r) {
        return r.direction().code() + " " + r.timestamp() + " " + r.value().toPlainString()
                + (r.reason() == null ? "" : " " + r.reason()) + (r.status() == null ? "" : " " + r.status().code());
    }

    // ------------------------------------------------------------------ generation

    static Gen<SeriesScenario> scenarios() {
        return scenarios(false);
    }

    /** Scenarios of decommissioned meters only. */
    static Gen<SeriesScenario> closedMeterScenarios() {
        return scenarios(true);
    }

    private static Gen<SeriesScenario> scenarios(boolean closed) {
        return in -> {
            boolean rolling = pick(in, 0, 2) == 0;
            Instant a = slot(pick(in, 0, NOW_SLOT + 2));
            Meter meter = closed ? MeterState.closed(in, powerMeter(), a) : MeterState.generate(in, powerMeter(), a, slot(pick(in, 0, NOW_SLOT + 2)));
            Counter counter = bareCounter(meter).registerCapacity(rolling ? CAPACITY : null).build();
            List<Reading> stored = new ArrayList<>();
            for (Direction d : Direction.values()) {
                stored.addAll(storedSeries(in, meter, counter, d));
            }
            int size = pick(in, 1, 6);
            List<ReadingSpec> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(proposed(in, meter, counter, stored));
            }
            return new SeriesScenario(meter, counter, stored, batch, slot(NOW_SLOT));
        };
    }

    private static List<Reading> storedSeries(RandomnessSource in, Meter meter, Counter counter, Direction d) {
        int n = pick(in, 0, 10);
        List<Reading> out = new ArrayList<>();
        int slot = pick(in, 0, 3);
        BigDecimal value = decimal(in, counter.capacity().isPresent() ? 999 : 500);
        for (int i = 0; i < n && slot < NOW_SLOT; i++) {
            ReadingSpec spec = ReadingSpec.of(meter, counter).direction(d).at(slot(slot));
            int kind = pick(in, 0, 11);
            if (i > 0 && kind == 1) {
                // a unit slip kept as implausible; the register itself has not moved
                out.add(spec.value(decimal(in, 900)).status(ReadingStatus.IMPLAUSIBLE).reading());
            } else {
                if (i > 0 && kind == 0) {
                    value = decimal(in, 500);
                    spec.meterChange();
                } else if (i > 0) {
                    value = advance(value, decimal(in, 99), counter.capacity());
                }
                out.add(spec.value(value).reading());
            }
            slot += pick(in, 1, 5);
        }
        return out;
    }

    private static BigDecimal advance(BigDecimal value, BigDecimal delta, Optional<RegisterCapacity> capacity) {
        BigDecimal next = value.add(delta);
        if (capacity.isPresent() && next.compareTo(capacity.get().value()) >= 0) {
            return next.subtract(capacity.get().value());
        }
        return next;
    }

    private static ReadingSpec proposed(RandomnessSource in, Meter meter, Counter counter, List<Reading> stored) {
        Direction d = pick(in, 0, 1) == 0 ? Direction.FEED_OUT : Direction.FEED_IN;
        int slot = pick(in, 0, NOW_SLOT + 1);
        ReadingSpec spec = ReadingSpec.of(meter, counter).direction(d).at(slot(slot));
        int kind = pick(in, 0, 11);
        if (kind == 0) {
            spec.meterChange();
        } else if (kind == 1) {
            spec.status(ReadingStatus.IMPLAUSIBLE);
        }
        int valueKind = pick(in, 0, 2);
        if (valueKind == 0) {
            return spec.value(decimal(in, counter.capacity().isPresent() ? 1050 : 1500));
        }
        // often between the stored neighbours, so that a fair share of batches is accepted
        Instant t = slot(slot);
        List<Reading> series = stored.stream().filter(r -> r.direction() == d && !r.isImplausible()).toList();
        BigDecimal low = series.stream().filter(r -> r.timestamp().isBefore(t)).max(Comparator.comparing(Reading::timestamp))
                .map(Reading::value).orElse(BigDecimal.ZERO);
        BigDecimal high = series.stream().filter(r -> r.timestamp().isAfter(t)).min(Comparator.comparing(Reading::timestamp))
                .map(Reading::value).orElse(low.add(new BigDecimal("50")));
        if (high.compareTo(low) < 0) {
            return spec.value(valueKind == 1 ? low : high);
        }
        BigDecimal span = high.subtract(low);
        BigDecimal fraction = BigDecimal.valueOf(pick(in, 0, 4), 2).multiply(new BigDecimal("25"));
        return spec.value(low.add(span.multiply(fraction).setScale(3, java.math.RoundingMode.DOWN)));
    }

    static Instant slot(int n) {
        return BASE.plus(Duration.ofHours(n));
    }

    static int pick(RandomnessSource in, int low, int high) {
        return Generate.range(low, high).generate(in);
    }

    /** A non-negative exact decimal below {@code max + 1} with 0 to 3 fraction digits. */
    static BigDecimal decimal(RandomnessSource in, int max) {
        int scale = pick(in, 0, 3);
        int unscaledMax = max * (int) Math.pow(10, scale) + (int) Math.pow(10, scale) - 1;
        return BigDecimal.valueOf(pick(in, 0, unscaledMax), scale);
    }
}
