package io.metering.domain.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ObisCodeTest {

    @Test
    void readsTheFullForm() {
        assertThat(ObisCode.parse("1-0:1.8.0")).contains(new ObisCode(1, 0, 1, 8, 0));
    }

    @Test
    void readsTheFullFormWithFGroupAndIgnoresF() {
        assertThat(ObisCode.parse("1-0:2.8.1*255")).contains(new ObisCode(1, 0, 2, 8, 1));
    }

    @Test
    void readsTheShortFormWithoutMediumAndChannel() {
        assertThat(ObisCode.parse("1.8.2")).contains(new ObisCode(-1, -1, 1, 8, 2));
    }

    @Test
    void toleratesSurroundingBlanks() {
        assertThat(ObisCode.parse("  7-0:3.0.0 ")).contains(new ObisCode(7, 0, 3, 0, 0));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"A-34", "1-0:1.8", "1-0:1.8.0.0", "1-0:1.8.0*", "1234-0:1.8.0", "1-0:C.1.0", "1:1.8.0",
            "1-0-1.8.0", "1.8", "one.eight.zero"})
    void textThatIsNoObisCodeReadsAsNothing(String text) {
        assertThat(ObisCode.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-0:1.8.0", "1-0:2.8.1*255", " 7-0:3.0.0 ", "8-0:1.0.0", "1-1:1.29.0", "1.8.0", "A-34", "1-0:C.1.0",
            "1-0:F.F.0", "C.1.0", "1-0:1.8.0*VZ"})
    void theCodesTheContractAndTheFieldUseAreWellFormed(String text) {
        assertThat(ObisCode.isWellFormed(text)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"zzzz", "A-B", "a-34", "1-0:1.8", "1.8", "10.5", "1-0:1.8.0*", "1234-0:1.8.0", "1-0-1.8.0",
            "one.eight.zero", "1-0:1.8.0 kWh", "feed-in", " "})
    void freeTextIsNotWellFormed(String text) {
        assertThat(ObisCode.isWellFormed(text)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1-0:1.8.0, FEED_OUT",
            "1-0:1.8.1, FEED_OUT",
            "1-0:1.8.2*255, FEED_OUT",
            "1-0:2.8.0, FEED_IN",
            "1-1:2.8.2, FEED_IN",
            "1.8.0, FEED_OUT",
            "2.8.0, FEED_IN",
    })
    void electricityCodesNameTheDirectionByTheirCField(String text, Direction expected) {
        assertThat(ObisCode.parse(text).flatMap(ObisCode::direction)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "7-0:1.8.0", // gas: C = 1 is not "drawn from the grid"
            "7-0:2.8.0",
            "7-0:3.0.0", // gas volume
            "8-0:1.0.0", // water
            "6-0:1.0.0", // heat
            "1-0:3.8.0", // reactive energy
            "1-0:15.8.0", // absolute active energy
            "3.8.0"})
    void otherMediaAndQuantitiesNameNoDirection(String text) {
        assertThat(ObisCode.parse(text).flatMap(ObisCode::direction)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1-0:1.8.1, HT",
            "1-0:2.8.1, HT",
            "1-0:1.8.2, NT",
            "1.8.2, NT",
    })
    void theEFieldNamesTheTariffRegister(String text, TariffType expected) {
        assertThat(ObisCode.parse(text).flatMap(ObisCode::tariffType)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-0:1.8.0", "1-0:1.8.3", "7-0:3.0.0"})
    void totalsAndFurtherTariffsNameNoTariffType(String text) {
        assertThat(ObisCode.parse(text).flatMap(ObisCode::tariffType)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "1-0:1.8.0, 1-0:1.8.0",
            "1-0:1.8.0, 1-0:1.8.0*255",
            "1-0:1.8.0*1, 1-0:1.8.0*255",
            "1-0:1.8.0, ' 1-0:1.8.0 '",
            "1-0:1.8.1, 1.8.1",
            "1.8.1, 1-0:1.8.1",
            "A-34, A-34",
            "A-34, ' A-34'",
    })
    void theSameRegister(String a, String b) {
        assertThat(ObisCode.sameRegister(a, b)).isTrue();
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({
            "1-0:1.8.1, 1-0:1.8.2",
            "1-0:1.8.0, 1-0:2.8.0",
            "1-0:1.8.0, 1-1:1.8.0",
            "1-0:1.8.0, 7-0:1.8.0",
            "1-0:1.8.0, 1-0:1.9.0",
            "A-34, a-34",
            "A-34, 1-0:1.8.0",
    })
    void differentRegisters(String a, String b) {
        assertThat(ObisCode.sameRegister(a, b)).isFalse();
    }

    @Test
    void aMissingObisNumberIsNoRegister() {
        assertThat(ObisCode.sameRegister(null, "1-0:1.8.0")).isFalse();
        assertThat(ObisCode.sameRegister("1-0:1.8.0", null)).isFalse();
        assertThat(ObisCode.sameRegister(null, null)).isFalse();
    }

    @Test
    void parseResultsAreOptionalValues() {
        assertThat(ObisCode.parse("1-0:1.8.0")).isInstanceOf(Optional.class).isPresent();
    }
}
