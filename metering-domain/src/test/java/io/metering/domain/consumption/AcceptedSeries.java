package io.metering.domain.consumption;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.fixtures.Fixtures;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.InMemorySeries;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingBatchValidator;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * A random series the write rules accept, as stored: irregular gaps from a minute to three days,
 * steps of 0 to 500 with up to three fraction digits, some meter changes, some readings a writer
 * marked implausible, and on every other counter a register of capacity 1000 that wraps. The write
 * rules (the batch validator) store it, so only accepted series are examined; a generator bug shows
 * as a rejection, never as a silently skipped example.
 *
 * @param counter the counter, with or without capacity
 * @param points the stored points, ascending (implausible ones included)
 * @param factor a random energy factor (transformer ratio x conversion factor)
 */
record AcceptedSeries(Counter counter, List<SeriesPoint> points, BigDecimal factor) {
    static final Instant BASE = Instant.parse("2025-03-20T00:00:00Z");
    static final BigDecimal CAPACITY = new BigDecimal("1000");

    Optional<RegisterCapacity> capacity() {
        return counter.capacity();
    }

    Instant first() {
        return points.get(0).timestamp();
    }

    Instant last() {
        return points.get(points.size() - 1).timestamp();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("capacity=" + counter.registerCapacity() + " factor=" + factor + ":");
        points.forEach(p -> b.append(' ').append(p.timestamp()).append('=').append(p.segmentStart() ? "mc:" : "")
                .append(p.implausible() ? "x:" : "").append(p.value().toPlainString()));
        return b.toString();
    }

    static Gen<AcceptedSeries> series() {
        return in -> {
            Meter meter = Fixtures.powerMeter().build();
            boolean rolls = pick(in, 0, 1) == 1;
            Counter counter = Fixtures.consumptionCounter(meter).registerCapacity(rolls ? CAPACITY : null).build();
            int n = pick(in, 1, 40);
            List<ReadingSpec> specs = new ArrayList<>();
            Instant t = BASE.plusMillis(Generate.longRange(0, Duration.ofDays(20).toMillis()).generate(in));
            BigDecimal value = decimal(in, rolls ? 999 : 100_000);
            for (int i = 0; i < n; i++) {
                ReadingSpec spec = ReadingSpec.of(meter, counter).at(t);
                int kind = pick(in, 0, 9);
                if (i > 0 && kind == 0) {
                    spec.value(decimal(in, rolls ? 999 : 100_000)).status(ReadingStatus.IMPLAUSIBLE);
                } else {
                    if (i > 0 && kind == 1) {
                        value = decimal(in, rolls ? 999 : 1000);
                        spec.meterChange();
                    } else if (i > 0 && rolls && value.compareTo(new BigDecimal("900")) >= 0 && kind <= 4) {
                        value = decimal(in, 99); // a wrap: from the top tenth into the bottom tenth
                    } else if (i > 0) {
                        BigDecimal step = kind == 9 ? BigDecimal.ZERO : decimal(in, rolls ? 40 : 500);
                        value = rolls && value.add(step).compareTo(CAPACITY) >= 0 ? value : value.add(step);
                    }
                    spec.value(value);
                }
                specs.add(spec);
                t = t.plusMillis(Generate.longRange(Duration.ofMinutes(1).toMillis(), Duration.ofDays(3).toMillis()).generate(in));
            }
            List<Reading> stored = new ReadingBatchValidator(new InMemorySeries(), PlausibilityPolicy.NONE)
                    .validate(ReadingSpec.batch(specs.toArray(ReadingSpec[]::new)), Instant.parse("2030-01-01T00:00:00Z"), true);
            BigDecimal factor = decimal(in, 50).add(new BigDecimal("0.001")).multiply(BigDecimal.valueOf(pick(in, 1, 40)));
            return new AcceptedSeries(counter, stored.stream().map(Reading::point).toList(), factor);
        };
    }

    /** Between {@code count} and {@code count + 1} instants within a day around the series, ascending and distinct. */
    static List<Instant> instantsAround(RandomnessSource in, AcceptedSeries s, int count) {
        long from = s.first().minus(Duration.ofDays(1)).toEpochMilli();
        long to = s.last().plus(Duration.ofDays(1)).toEpochMilli();
        java.util.TreeSet<Instant> out = new java.util.TreeSet<>();
        while (out.size() < count) {
            // half of them exactly on a reading, so boundaries that coincide with readings are covered
            if (pick(in, 0, 1) == 0) {
                out.add(s.points().get(pick(in, 0, s.points().size() - 1)).timestamp());
            } else {
                out.add(Instant.ofEpochMilli(Generate.longRange(from, to).generate(in)));
            }
        }
        return new ArrayList<>(out);
    }

    static int pick(RandomnessSource in, int low, int high) {
        return Generate.range(low, high).generate(in);
    }

    /** A non-negative exact decimal up to {@code max} with 0 to 3 fraction digits. */
    static BigDecimal decimal(RandomnessSource in, int max) {
        int scale = pick(in, 0, 3);
        long unscaledMax = (long) max * (long) Math.pow(10, scale);
        return BigDecimal.valueOf(Generate.longRange(0, unscaledMax).generate(in), scale);
    }
}
