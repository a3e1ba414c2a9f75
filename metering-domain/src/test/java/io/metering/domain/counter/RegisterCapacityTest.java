package io.metering.domain.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A five-digit register: capacity 100,000; the wrap window is the top and bottom tenth. */
class RegisterCapacityTest {
    private final RegisterCapacity fiveDigits = new RegisterCapacity(new BigDecimal("100000"));

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void consumptionAcrossAWrapFrom99993To13Is20() {
        assertThat(fiveDigits.consumptionAcrossWrap(d("99993"), d("13"))).isEqualByComparingTo("20");
    }

    @Test
    void consumptionAcrossAWrapIsExactForDecimals() {
        assertThat(fiveDigits.consumptionAcrossWrap(d("99999.95"), d("0.05"))).isEqualTo(d("0.10"));
        assertThat(fiveDigits.consumptionAcrossWrap(d("99999.7"), d("0.2"))).isEqualByComparingTo("0.5");
    }

    @ParameterizedTest(name = "{0} -> {1} is a wrap")
    @CsvSource({
            "99993, 13",
            "99999.999, 0",
            "90000, 9999.999",
            "90000, 0",
            "95000.5, 4999.5",
    })
    void aDropFromTheTopTenthIntoTheBottomTenthIsAWrap(String previous, String next) {
        assertThat(fiveDigits.isWrap(d(previous), d(next))).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} is no wrap")
    @CsvSource({
            "89999.999, 13", // previous below the top tenth
            "99993, 10000", // next above the bottom tenth
            "99993, 50000",
            "5, 3", // a plain drop near zero
            "99993, 99993", // equal: no drop at all
            "13, 99993", // a rise
            "99993, 99994",
    })
    void otherStepsAreNoWrap(String previous, String next) {
        assertThat(fiveDigits.isWrap(d(previous), d(next))).isFalse();
    }

    @Test
    void valuesFitFromZeroUpToButExcludingTheCapacity() {
        assertThat(fiveDigits.fits(d("0"))).isTrue();
        assertThat(fiveDigits.fits(d("99999.999"))).isTrue();
        assertThat(fiveDigits.fits(d("100000"))).isFalse();
        assertThat(fiveDigits.fits(d("100000.0"))).isFalse();
        assertThat(fiveDigits.fits(d("-0.001"))).isFalse();
    }

    @Test
    void theWindowScalesWithADecimalCapacity() {
        RegisterCapacity small = new RegisterCapacity(d("10.5"));
        // window 1.05: previous >= 9.45, next < 1.05
        assertThat(small.isWrap(d("9.45"), d("1.04"))).isTrue();
        assertThat(small.isWrap(d("9.44"), d("0"))).isFalse();
        assertThat(small.isWrap(d("10"), d("1.05"))).isFalse();
        assertThat(small.consumptionAcrossWrap(d("10"), d("0.25"))).isEqualByComparingTo("0.75");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-100000", "0.000"})
    void aCapacityIsPositive(String v) {
        assertThatThrownBy(() -> new RegisterCapacity(d(v))).isInstanceOf(IllegalArgumentException.class);
    }
}
