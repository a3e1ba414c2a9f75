package io.metering.domain.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuzzyConfigTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @ParameterizedTest(name = "1% of 1000: {0} matches = {1}")
    @CsvSource({
            "1000, true",
            "1010, true",
            "990, true",
            "1010.001, false",
            "989.999, false",
    })
    void withoutThresholdsTheDefaultOfOnePercentApplies(String actual, boolean matches) {
        assertThat(new FuzzyConfig(null, null).matches(d("1000"), d(actual))).isEqualTo(matches);
    }

    @Test
    void thePercentageIsAFractionOfTheProposedValue() {
        FuzzyConfig fivePercent = new FuzzyConfig(d("0.05"), null);
        assertThat(fivePercent.matches(d("200"), d("210"))).isTrue();
        assertThat(fivePercent.matches(d("200"), d("210.01"))).isFalse();
    }

    @Test
    void theAbsoluteThresholdIncludesItsBound() {
        FuzzyConfig twoUnits = new FuzzyConfig(null, d("2"));
        assertThat(twoUnits.matches(d("10"), d("12"))).isTrue();
        assertThat(twoUnits.matches(d("10"), d("8"))).isTrue();
        assertThat(twoUnits.matches(d("10"), d("12.001"))).isFalse();
    }

    @Test
    void withBothThresholdsEitherSuffices() {
        FuzzyConfig both = new FuzzyConfig(d("0.05"), d("2"));
        // 10 vs 11: 5 % is 0.5 (no), absolute 1 <= 2 (yes)
        assertThat(both.matches(d("10"), d("11"))).isTrue();
        // 1000 vs 1040: 5 % is 50 (yes), absolute 40 > 2 (no)
        assertThat(both.matches(d("1000"), d("1040"))).isTrue();
        // 1000 vs 1060: neither
        assertThat(both.matches(d("1000"), d("1060"))).isFalse();
    }

    @Test
    void aZeroPercentageDemandsEqualValues() {
        FuzzyConfig zero = new FuzzyConfig(d("0"), null);
        assertThat(zero.matches(d("1000"), d("1000.000"))).isTrue();
        assertThat(zero.matches(d("1000"), d("1000.001"))).isFalse();
    }

    @Test
    void theComparisonIsExactForDecimals() {
        // 1 % of 0.3 is 0.003 exactly
        FuzzyConfig onePercent = new FuzzyConfig(d("0.01"), null);
        assertThat(onePercent.matches(d("0.3"), d("0.303"))).isTrue();
        assertThat(onePercent.matches(d("0.3"), d("0.3030000001"))).isFalse();
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new FuzzyConfig(d("1.01"), null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER));
        assertThatThrownBy(() -> new FuzzyConfig(d("-0.01"), null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new FuzzyConfig(null, d("-1"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theBoundsOfTheRangesAreAllowed() {
        assertThat(new FuzzyConfig(d("1"), d("0")).matches(d("100"), d("200"))).isTrue();
    }
}
