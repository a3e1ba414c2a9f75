package io.metering.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingValuesTest {

    private static BigDecimal normalize(String v) {
        return ReadingValues.normalize(new BigDecimal(v), "value");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1250.50, 1250.5",
            "1250.500000, 1250.5",
            "1250.0, 1250",
            "100, 100",
            "1E+3, 1000",
            "12.5E+2, 1250",
            "0.000, 0",
            "-0.00, 0",
            "0E-10, 0",
            "0E+5, 0",
            "1.25E-3, 0.00125",
    })
    void stripsTrailingZerosAndNeverKeepsAnExponent(String given, String plain) {
        BigDecimal v = normalize(given);
        assertThat(v.toPlainString()).isEqualTo(plain);
        assertThat(v.toString()).as("toString shows no exponent").isEqualTo(plain);
    }

    @Test
    void theSameRegisterValueWrittenDifferentlyNormalizesToEqualObjects() {
        assertThat(normalize("1250.50")).isEqualTo(normalize("1250.5000"));
    }

    @Test
    void acceptsEighteenIntegerDigitsAndTwelveFractionDigits() {
        assertThat(normalize("999999999999999999.999999999999").toPlainString())
                .isEqualTo("999999999999999999.999999999999");
    }

    @Test
    void trailingZerosDoNotCountAgainstTheFractionLimit() {
        assertThat(normalize("1.1000000000000000000").toPlainString()).isEqualTo("1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000000000", "1E+18", "-1000000000000000000"})
    void refusesMoreThanEighteenIntegerDigits(String v) {
        assertThatThrownBy(() -> normalize(v))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_VALUE))
                .hasMessageContaining("value")
                .hasMessageContaining("before the decimal point");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0000000000001", "1E-13"})
    void refusesMoreThanTwelveFractionDigits(String v) {
        assertThatThrownBy(() -> normalize(v))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_VALUE))
                .hasMessageContaining("after the decimal point");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+2147483647", "123E+2147483640", "9E+2147483600"})
    void refusesHugeExponentsAsInvalidValueInsteadOfFailingOnThem(String v) {
        assertThatThrownBy(() -> normalize(v))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_VALUE));
    }

    @Test
    void aMissingValueIsMissingParamsNamingTheField() {
        assertThatThrownBy(() -> ReadingValues.normalize(null, "transformer_ratio"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_PARAMS))
                .hasMessageContaining("transformer_ratio");
    }

    @Test
    void normalizeKeepsTheSignOfNegativeValues() {
        assertThat(normalize("-12.50").toPlainString()).isEqualTo("-12.5");
    }

    @Test
    void aRegisterValueIsNeverNegative() {
        assertThatThrownBy(() -> ReadingValues.registerValue(new BigDecimal("-0.001"), "value"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.NEGATIVE_VALUE))
                .hasMessageContaining("-0.001");
    }

    @Test
    void zeroIsAValidRegisterValue() {
        assertThat(ReadingValues.registerValue(new BigDecimal("-0.000"), "value")).isEqualByComparingTo("0");
    }

    @Test
    void valuesSubtractExactly() {
        BigDecimal later = normalize("1250.3");
        BigDecimal earlier = normalize("1250.2");
        assertThat(later.subtract(earlier)).isEqualTo(new BigDecimal("0.1"));
    }
}
