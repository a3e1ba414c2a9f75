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
    void reads_the_full_form() {
        assertThat(ObisCode.parse("1-0:1.8.0")).contains(new ObisCode(1, 0, 1, 8, 0));
    }

    @Test
    void reads_the_full_form_with_f_group_and_ignores_f() {
        assertThat(ObisCode.parse("1-0:2.8.1*255")).contains(new ObisCode(1, 0, 2, 8, 1));
    }

    @Test
    void reads_the_short_form_without_medium_and_channel() {
        assertThat(ObisCode.parse("1.8.2")).contains(new ObisCode(-1, -1, 1, 8, 2));
    }

    @Test
    void tolerates_surrounding_blanks() {
        assertThat(ObisCode.parse("  7-0:3.0.0 ")).contains(new ObisCode(7, 0, 3, 0, 0));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"A-34", "1-0:1.8", "1-0:1.8.0.0", "1-0:1.8.0*", "1234-0:1.8.0", "1-0:C.1.0", "1:1.8.0",
            "1-0-1.8.0", "1.8", "one.eight.zero"})
    void text_that_is_no_obis_code_reads_as_nothing(String text) {
        assertThat(ObisCode.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-0:1.8.0", "1-0:2.8.1*255", " 7-0:3.0.0 ", "8-0:1.0.0", "1-1:1.29.0", "1.8.0", "A-34", "1-0:C.1.0",
            "1-0:F.F.0", "C.1.0", "1-0:1.8.0*VZ"})
    void the_codes_the_contract_and_the_field_use_are_well_formed(String text) {
        assertThat(ObisCode.isWellFormed(text)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"zzzz", "A-B", "a-34", "1-0:1.8", "1.8", "10.5", "1-0:1.8.0*", "1234-0:1.8.0", "1-0-1.8.0",
            "one.eight.zero", "1-0:1.8.0 kWh", "feed-in", " "})
    void free_text_is_not_well_formed(String text) {
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
    void electricity_codes_name_the_direction_by_their_c_field(String text, Direction expected) {
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
    void other_media_and_quantities_name_no_direction(String text) {
        assertThat(ObisCode.parse(text).flatMap(ObisCode::direction)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1-0:1.8.1, HT",
            "1-0:2.8.1, HT",
            "1-0:1.8.2, NT",
            "1.8.2, NT",
    })
    void the_e_field_names_the_tariff_register(String text, TariffType expected) {
        assertThat(ObisCode.parse(text).flatMap(ObisCode::tariffType)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-0:1.8.0", "1-0:1.8.3", "7-0:3.0.0"})
    void totals_and_further_tariffs_name_no_tariff_type(String text) {
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
    void the_same_register(String a, String b) {
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
    void different_registers(String a, String b) {
        assertThat(ObisCode.sameRegister(a, b)).isFalse();
    }

    @Test
    void a_missing_obis_number_is_no_register() {
        assertThat(ObisCode.sameRegister(null, "1-0:1.8.0")).isFalse();
        assertThat(ObisCode.sameRegister("1-0:1.8.0", null)).isFalse();
        assertThat(ObisCode.sameRegister(null, null)).isFalse();
    }

    @Test
    void parse_results_are_optional_values() {
        assertThat(ObisCode.parse("1-0:1.8.0")).isInstanceOf(Optional.class).isPresent();
    }
}
