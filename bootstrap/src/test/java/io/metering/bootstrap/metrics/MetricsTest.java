package io.metering.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JVM's figures are bound after the start, and a scrape never misses them once they are asked for. */
class MetricsTest {
    @Test
    void theJvmFiguresAreNotBoundBeforeTheServiceServes() {
        try (Metrics metrics = new Metrics()) {
            assertThat(metrics.scrape()).doesNotContain("jvm_memory_used_bytes");
        }
    }

    @Test
    void aScrapeRightAfterBindingWaitsForTheJvmFigures() {
        try (Metrics metrics = new Metrics()) {
            metrics.bindJvmFigures();
            assertThat(metrics.scrape()).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_", "process_uptime_seconds ",
                    "process_files_open_files ");
        }
    }

    @Test
    void bindingTwiceBindsOnce() {
        try (Metrics metrics = new Metrics()) {
            metrics.bindJvmFigures();
            metrics.bindJvmFigures();
            String scrape = metrics.scrape();
            assertThat(scrape.indexOf("# HELP process_uptime_seconds")).isEqualTo(scrape.lastIndexOf("# HELP process_uptime_seconds"));
        }
    }
}
