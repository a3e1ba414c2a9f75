package io.metering.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operations settings: defaults as before, malformed values named, the metrics token never shown. */
class OperationsConfigurationTest {
    @Test
    void unsetMeansEveryInterfaceNoMetricsAndTextLogs() {
        OperationsConfiguration ops = OperationsConfiguration.from(Map.of());
        assertThat(ops).isEqualTo(OperationsConfiguration.defaults());
        assertThat(ops.metricsEnabled()).isFalse();
    }

    @Test
    void readsEverySetting() {
        OperationsConfiguration ops = OperationsConfiguration.from(Map.of("METERING_HTTP_HOST", " 127.0.0.1 ", "METERING_METRICS_TOKEN",
                "0123456789abcdef", "METERING_MANAGEMENT_PORT", "9464", "METERING_LOG_FORMAT", "json"));
        assertThat(ops).isEqualTo(new OperationsConfiguration(Optional.of("127.0.0.1"), Optional.of("0123456789abcdef"), Optional.of(9464),
                true));
        assertThat(ops.metricsEnabled()).isTrue();
        assertThat(ops.toString()).doesNotContain("0123456789abcdef").contains("metricsToken=***");
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> OperationsConfiguration.from(Map.of("METERING_LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_LOG_FORMAT must be text or json");
        assertThatThrownBy(() -> OperationsConfiguration.from(Map.of("METERING_METRICS_TOKEN", "short")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 16").hasMessageNotContaining("short");
        assertThatThrownBy(() -> OperationsConfiguration.from(Map.of("METERING_MANAGEMENT_PORT", "70000")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_MANAGEMENT_PORT");
    }
}
