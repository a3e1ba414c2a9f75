package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.bareCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static io.metering.domain.reading.SeriesScenario.decimal;
import static io.metering.domain.reading.SeriesScenario.pick;
import static io.metering.domain.reading.SeriesScenario.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.Meter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of relative values (docs/domain.md#reading-the-series) over series the write rules
 * accept: consumption adds up exactly within each segment, segments start at zero, nothing is
 * negative, and a register wrap counts as {@code (capacity - previous) + value}.
 */
class RelativeValuesPropertiesTest {
    private static final int EXAMPLES = 500;
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    /** An accepted series: readings one hour apart, non-decreasing within segments, 4 fraction digits at most. */
    record Series(Meter meter, Counter counter, List<ReadingSpec> readings, List<BigDecimal> consumption) {
        List<SeriesPoint> points() {
            return readings.stream().map(r -> r.reading().point()).toList();
        }

        Optional<RegisterCapacity> capacity() {
            return counter.capacity();
        }

        /** The series as the validator stores it, so only series the rules accept are examined. */
        List<SeriesPoint> acceptedPoints() {
            List<ReadingCandidate> batch = ReadingSpec.batch(readings.toArray(ReadingSpec[]::new));
            return new ReadingBatchValidator(new InMemorySeries(), PlausibilityPolicy.NONE).validate(batch, NOW, true)
                    .stream().map(Reading::point).toList();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("capacity=" + counter.registerCapacity() + ":");
            points().forEach(p -> b.append(' ').append(p.segmentStart() ? "mc:" : "").append(p.value().toPlainString()));
            return b.toString();
        }
    }

    private static BigDecimal fourDigitDecimal(org.quicktheories.core.RandomnessSource in, int max) {
        int scale = pick(in, 0, 4);
        long unscaledMax = (long) max * (long) Math.pow(10, scale);
        return BigDecimal.valueOf(org.quicktheories.generators.Generate.longRange(0, unscaledMax).generate(in), scale);
    }

    /** Without rollover; about one reading in six is a meter change. */
    static Gen<Series> seriesWithSegments() {
        return in -> {
            Meter meter = powerMeter().build();
            Counter counter = bareCounter(meter).build();
            int n = pick(in, 1, 30);
            List<ReadingSpec> readings = new ArrayList<>();
            List<BigDecimal> consumption = new ArrayList<>();
            BigDecimal value = fourDigitDecimal(in, 100_000);
            for (int i = 0; i < n; i++) {
                ReadingSpec spec = ReadingSpec.of(meter, counter).at(slot(i));
                if (i > 0 && pick(in, 0, 5) == 0) {
                    value = fourDigitDecimal(in, 1_000);
                    spec.meterChange();
                    consumption.add(BigDecimal.ZERO);
                } else if (i > 0) {
                    BigDecimal delta = pick(in, 0, 4) == 0 ? BigDecimal.ZERO : fourDigitDecimal(in, 500);
                    value = value.add(delta);
                    consumption.add(delta);
                } else {
                    consumption.add(BigDecimal.ZERO);
                }
                readings.add(spec.value(value));
            }
            return new Series(meter, counter, readings, consumption);
        };
    }

    /** A rolling register of 3 to 6 digits advancing by less than a tenth of its capacity per reading. */
    static Gen<Series> seriesOfARollingRegister() {
        return in -> {
            int digits = pick(in, 3, 6);
            BigDecimal capacity = BigDecimal.TEN.pow(digits);
            int maxStep = (int) Math.pow(10, digits - 1) - 1;
            Meter meter = powerMeter().build();
            Counter counter = bareCounter(meter).registerCapacity(capacity).build();
            int n = pick(in, 2, 30);
            List<ReadingSpec> readings = new ArrayList<>();
            List<BigDecimal> consumption = new ArrayList<>();
            BigDecimal value = decimal(in, (int) Math.pow(10, digits) - 1);
            consumption.add(BigDecimal.ZERO);
            readings.add(ReadingSpec.of(meter, counter).at(slot(0)).value(value));
            for (int i = 1; i < n; i++) {
                BigDecimal delta = decimal(in, maxStep);
                BigDecimal next = value.add(delta);
                value = next.compareTo(capacity) >= 0 ? next.subtract(capacity) : next;
                consumption.add(delta);
                readings.add(ReadingSpec.of(meter, counter).at(slot(i)).value(value));
            }
            return new Series(meter, counter, readings, consumption);
        };
    }

    @Test
    void withinEachSegmentRelativeValuesSumExactlyToLastMinusFirst() {
        qt().withExamples(EXAMPLES).forAll(seriesWithSegments()).checkAssert(s -> {
            List<SeriesPoint> points = s.acceptedPoints();
            List<BigDecimal> relative = RelativeValues.of(Optional.empty(), points, Optional.empty());
            int segmentStart = 0;
            for (int i = 1; i <= points.size(); i++) {
                if (i == points.size() || points.get(i).segmentStart()) {
                    BigDecimal sum = relative.subList(segmentStart, i).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal span = points.get(i - 1).value().subtract(points.get(segmentStart).value());
                    assertThat(sum.compareTo(span)).as("segment %d..%d of %s: sum %s, span %s", segmentStart, i - 1, s,
                            sum, span).isZero();
                    segmentStart = i;
                }
            }
        });
    }

    @Test
    void theFirstValueOfEverySegmentIsZeroAndNoneIsNegative() {
        qt().withExamples(EXAMPLES).forAll(seriesWithSegments()).checkAssert(s -> {
            List<SeriesPoint> points = s.acceptedPoints();
            List<BigDecimal> relative = RelativeValues.of(Optional.empty(), points, Optional.empty());
            assertThat(relative.get(0).signum()).isZero();
            for (int i = 0; i < points.size(); i++) {
                assertThat(relative.get(i).signum()).as("relative value %d of %s", i, s).isNotNegative();
                if (points.get(i).segmentStart()) {
                    assertThat(relative.get(i).signum()).as("segment start %d of %s", i, s).isZero();
                }
            }
        });
    }

    @Test
    void relativeValuesAreTheConsumptionBetweenConsecutiveReadings() {
        qt().withExamples(EXAMPLES).forAll(seriesWithSegments()).checkAssert(s -> {
            List<BigDecimal> relative = RelativeValues.of(Optional.empty(), s.acceptedPoints(), Optional.empty());
            for (int i = 0; i < relative.size(); i++) {
                assertThat(relative.get(i).compareTo(s.consumption().get(i))).as("value %d of %s", i, s).isZero();
            }
        });
    }

    @Test
    void aRangeStartingMidSeriesShowsTheSameValuesGivenItsPredecessor() {
        qt().withExamples(EXAMPLES).forAll(seriesWithSegments().assuming(s -> s.readings().size() > 1),
                org.quicktheories.generators.SourceDSL.integers().between(1, 29)).checkAssert((s, cut) -> {
            List<SeriesPoint> points = s.acceptedPoints();
            int k = Math.min(cut, points.size() - 1);
            List<BigDecimal> whole = RelativeValues.of(Optional.empty(), points, Optional.empty());
            List<BigDecimal> range = RelativeValues.of(Optional.of(points.get(k - 1)), points.subList(k, points.size()),
                    Optional.empty());
            assertThat(range).isEqualTo(whole.subList(k, whole.size()));
        });
    }

    @Test
    void acrossWrapsRelativeValuesAreCapacityMinusPreviousPlusValue() {
        qt().withExamples(EXAMPLES).forAll(seriesOfARollingRegister()).checkAssert(s -> {
            List<SeriesPoint> points = s.acceptedPoints();
            BigDecimal capacity = s.capacity().orElseThrow().value();
            List<BigDecimal> relative = RelativeValues.of(Optional.empty(), points, s.capacity());
            for (int i = 1; i < points.size(); i++) {
                BigDecimal previous = points.get(i - 1).value();
                BigDecimal value = points.get(i).value();
                BigDecimal expected = value.compareTo(previous) < 0 ? capacity.subtract(previous).add(value)
                        : value.subtract(previous);
                assertThat(relative.get(i).compareTo(expected)).as("value %d of %s", i, s).isZero();
                assertThat(relative.get(i).compareTo(s.consumption().get(i))).as("value %d of %s", i, s).isZero();
                assertThat(relative.get(i).signum()).isNotNegative();
            }
        });
    }

    @Test
    void theGeneratedRollingSeriesDoWrap() {
        int[] wraps = {0};
        qt().withExamples(EXAMPLES).forAll(seriesOfARollingRegister()).checkAssert(s -> {
            List<SeriesPoint> p = s.points();
            for (int i = 1; i < p.size(); i++) {
                if (p.get(i).value().compareTo(p.get(i - 1).value()) < 0) {
                    wraps[0]++;
                }
            }
        });
        assertThat(wraps[0]).isGreaterThan(EXAMPLES / 2);
    }
}
