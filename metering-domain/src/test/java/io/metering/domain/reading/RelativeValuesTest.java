package io.metering.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.RegisterCapacity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelativeValuesTest {
    private static final Optional<RegisterCapacity> NO_ROLLOVER = Optional.empty();
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /** Points one day apart; "mc:" marks a meter change, "!" marks an implausible reading. */
    private static List<SeriesPoint> series(String... values) {
        List<SeriesPoint> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            boolean segmentStart = v.startsWith("mc:");
            boolean implausible = v.endsWith("!");
            String number = v.replace("mc:", "").replace("!", "");
            out.add(new SeriesPoint(START.plusSeconds(86_400L * (i + 1)), new BigDecimal(number), segmentStart, implausible));
        }
        return out;
    }

    private static SeriesPoint before(String value) {
        return new SeriesPoint(START, new BigDecimal(value), false, false);
    }

    private static List<BigDecimal> of(Optional<SeriesPoint> before, List<SeriesPoint> points) {
        return RelativeValues.of(before, points, NO_ROLLOVER);
    }

    private static void assertValues(List<BigDecimal> actual, String... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("relative value %d", i).isEqualByComparingTo(expected[i]);
        }
    }

    @Test
    void theFirstReadingOfASeriesHasRelativeValueZero() {
        assertValues(of(Optional.empty(), series("100", "150", "175.5")), "0", "50", "25.5");
    }

    @Test
    void theFirstReadingOfTheRangeCountsFromItsPredecessorBeforeTheRange() {
        assertValues(of(Optional.of(before("90")), series("100", "150", "175.5")), "10", "50", "25.5");
    }

    @Test
    void relativeValuesAreExact() {
        assertThat(of(Optional.empty(), series("1250.2", "1250.3")).get(1)).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void anUnchangedRegisterHasRelativeValueZero() {
        assertValues(of(Optional.empty(), series("100", "100", "100")), "0", "0", "0");
    }

    @Test
    void aMeterChangeRestartsAtZeroAndConsumptionDoesNotSpanIt() {
        assertValues(of(Optional.empty(), series("100", "150", "mc:5", "8")), "0", "50", "0", "3");
    }

    @Test
    void aMeterChangeAsFirstReadingOfTheRangeIsZeroDespiteAPredecessor() {
        assertValues(of(Optional.of(before("9000")), series("mc:5", "8")), "0", "3");
    }

    @Test
    void anImplausibleReadingShowsZeroAndTheNextCountsFromTheLastPlausibleOne() {
        assertValues(of(Optional.empty(), series("100", "99999!", "120")), "0", "0", "20");
    }

    @Test
    void anImplausiblePredecessorIsNotUsed() {
        SeriesPoint implausibleBefore = new SeriesPoint(START, new BigDecimal("99999"), false, true);
        assertValues(of(Optional.of(implausibleBefore), series("100", "120")), "0", "20");
    }

    @Test
    void anImplausibleFirstReadingIsSkippedAsPredecessor() {
        assertValues(of(Optional.of(before("90")), series("5000!", "100")), "0", "10");
    }

    @Test
    void acrossAWrapOfAFiveDigitRegisterTheConsumptionIsCapacityMinusPreviousPlusValue() {
        Optional<RegisterCapacity> fiveDigits = Optional.of(new RegisterCapacity(new BigDecimal("100000")));
        assertValues(RelativeValues.of(Optional.empty(), series("99990", "99993", "13", "20"), fiveDigits), "0", "3", "20", "7");
    }

    @Test
    void noPointsGiveNoValues() {
        assertThat(of(Optional.of(before("1")), List.of())).isEmpty();
    }
}
