package io.metering.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The import summary's rate: none for a sub-second import, never a rounded "0 readings/s". */
class ImportRateTest {
    @Test
    void aSubSecondImportPrintsNoRate() {
        assertThat(ImportCommand.rate(2, 0.004)).isEmpty();
        assertThat(ImportCommand.rate(0, 0.999)).isEmpty();
        assertThat(ImportCommand.rate(0, 30)).as("no rows, no rate").isEmpty();
    }

    @Test
    void aSlowImportKeepsADecimalAndAFastOneWholeReadings() {
        assertThat(ImportCommand.rate(1, 2.5)).isEqualTo(String.format(" (%.1f readings/s)", 0.4)).doesNotContain(" 0 readings/s");
        assertThat(ImportCommand.rate(1_000_000, 4.0)).isEqualTo(" (250000 readings/s)");
    }
}
