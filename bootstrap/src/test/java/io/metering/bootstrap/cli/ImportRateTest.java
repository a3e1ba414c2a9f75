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

    @Test
    void theSummaryCountsOneReadingInTheSingular() {
        assertThat(ImportCommand.imported(1, 0.4)).isEqualTo(String.format("Imported 1 reading in %.1f s", 0.4));
        assertThat(ImportCommand.imported(0, 0.4)).startsWith("Imported 0 readings in ");
        assertThat(ImportCommand.imported(60_000, 2.5)).startsWith("Imported 60000 readings in ").endsWith(" (24000 readings/s)");
    }
}
