package io.metering.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarksOptionsTest {
    @Test
    void theLongVariantReadsOneHundredMillionReadingsWithTheIngestAndReadPhases() {
        Map<String, String> o = Benchmarks.options(new String[] {"--long", "true"});

        assertThat(Long.parseLong(o.get("read-counters")) * Long.parseLong(o.get("read-hours"))).isEqualTo(100_000_000L);
        assertThat(o.get("only")).isEqualTo("ingest,read");
    }

    @Test
    void theLongVariantKeepsSizesAndPhasesThatAreGiven() {
        Map<String, String> o = Benchmarks.options(new String[] {"--read-hours", "3000", "--long", "true", "--only", "read"});

        assertThat(o.get("read-hours")).isEqualTo("3000");
        assertThat(o.get("only")).isEqualTo("read");
    }

    @Test
    void theDefaultRunReadsTenMillionReadingsAndIngestsThroughV2ThenV1() {
        Map<String, String> o = Benchmarks.options(new String[0]);

        assertThat(Long.parseLong(o.get("read-counters")) * Long.parseLong(o.get("read-hours"))).isEqualTo(10_000_000L);
        assertThat(o.get("ingest-paths")).isEqualTo("/v2/metering/readings,/v1/metering/readings");
        assertThat(o.get("jvm-opts")).isEqualTo(Benchmarks.PRODUCTION_JVM_OPTS).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThatThrownBy(() -> Benchmarks.options(new String[] {"--ingest-path", "/v1/metering/readings"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--ingest-path");
    }

    @Test
    void unknownModesAndPhasesAreRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> Benchmarks.options(new String[] {"--only", "bogus", "--modes", "plain"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--only").hasMessageContaining("'bogus'");
        assertThatThrownBy(() -> Benchmarks.options(new String[] {"--modes", "plain,bogus"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--modes").hasMessageContaining("'bogus'");
        assertThat(Benchmarks.options(new String[] {"--modes", "timescale", "--only", "read,startup"})).containsEntry("only", "read,startup");
    }

    @Test
    void anOptionWithoutAValueIsRefused() {
        assertThatThrownBy(() -> Benchmarks.options(new String[] {"--modes", "plain", "--only"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--only needs a value");
        assertThatThrownBy(() -> Benchmarks.options(new String[] {"--only", "--work", "/tmp/x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--only needs a value");
    }

    @Test
    void theUsageNamesEveryOptionWithItsDefault() {
        String usage = Benchmarks.usage();

        Benchmarks.DEFAULTS.forEach((name, value) -> assertThat(usage).contains("--" + name + " (" + value + ")"));
    }
}
