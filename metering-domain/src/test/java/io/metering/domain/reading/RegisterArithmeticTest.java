package io.metering.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.RegisterCapacity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterArithmeticTest {
    private static final Optional<RegisterCapacity> NO_ROLLOVER = Optional.empty();
    private static final Optional<RegisterCapacity> FIVE_DIGITS = Optional.of(new RegisterCapacity(new BigDecimal("100000")));
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2024-02-01T00:00:00Z");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static SeriesPoint point(Instant t, String v) {
        return new SeriesPoint(t, d(v), false, false);
    }

    private static SeriesPoint segmentStart(Instant t, String v) {
        return new SeriesPoint(t, d(v), true, false);
    }

    @Test
    void anEqualValueIsInOrder() {
        assertThat(RegisterArithmetic.inOrder(d("1250.5"), d("1250.50"), NO_ROLLOVER)).isTrue();
    }

    @Test
    void aHigherValueIsInOrderAndALowerOneIsNot() {
        assertThat(RegisterArithmetic.inOrder(d("100"), d("100.001"), NO_ROLLOVER)).isTrue();
        assertThat(RegisterArithmetic.inOrder(d("100"), d("99.999"), NO_ROLLOVER)).isFalse();
    }

    @Test
    void aWrapIsInOrderOnlyForARollingRegister() {
        assertThat(RegisterArithmetic.inOrder(d("99993"), d("13"), NO_ROLLOVER)).isFalse();
        assertThat(RegisterArithmetic.inOrder(d("99993"), d("13"), FIVE_DIGITS)).isTrue();
    }

    @Test
    void aDropOutsideTheWrapWindowIsOutOfOrderEvenForARollingRegister() {
        assertThat(RegisterArithmetic.inOrder(d("50000"), d("13"), FIVE_DIGITS)).isFalse();
    }

    @Test
    void theAdvanceIsThePlainDifference() {
        assertThat(RegisterArithmetic.advance(point(T1, "1250.2"), point(T2, "1250.3"), NO_ROLLOVER)).isEqualTo(d("0.1"));
    }

    @Test
    void theAdvanceIntoASegmentStartIsZero() {
        assertThat(RegisterArithmetic.advance(point(T1, "80000"), segmentStart(T2, "12"), NO_ROLLOVER)).isEqualByComparingTo("0");
        assertThat(RegisterArithmetic.advance(point(T1, "12"), segmentStart(T2, "80000"), FIVE_DIGITS)).isEqualByComparingTo("0");
    }

    @Test
    void theAdvanceOutOfASegmentStartCountsFromIt() {
        assertThat(RegisterArithmetic.advance(segmentStart(T1, "5"), point(T2, "17.5"), NO_ROLLOVER)).isEqualByComparingTo("12.5");
    }

    @Test
    void theAdvanceAcrossAWrapIsCapacityMinusPreviousPlusValue() {
        assertThat(RegisterArithmetic.advance(point(T1, "99993"), point(T2, "13"), FIVE_DIGITS)).isEqualByComparingTo("20");
    }

    @Test
    void aDropInASeriesWrittenWithoutValidationGivesANegativeAdvance() {
        assertThat(RegisterArithmetic.advance(point(T1, "100"), point(T2, "90"), NO_ROLLOVER)).isEqualByComparingTo("-10");
        assertThat(RegisterArithmetic.advance(point(T1, "50000"), point(T2, "13"), FIVE_DIGITS)).isEqualByComparingTo("-49987");
    }
}
