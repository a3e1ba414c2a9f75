package io.metering.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsConfigurationTest {
    @Test
    void recordingIsOnAndEventsAreKeptThirtyDaysByDefault() {
        assertThat(EventsConfiguration.from(Map.of())).isEqualTo(new EventsConfiguration(true, Duration.ofDays(30)));
        assertThat(Configuration.from(Map.of()).events()).isEqualTo(EventsConfiguration.defaults());
    }

    @Test
    void recordingCanBeSwitchedOffAndRetentionSet() {
        EventsConfiguration c = EventsConfiguration.from(Map.of("METERING_EVENTS", "off", "METERING_EVENTS_RETENTION", "PT36H"));

        assertThat(c.enabled()).isFalse();
        assertThat(c.retention()).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void malformedSettingsAreRefusedByName() {
        assertThatThrownBy(() -> EventsConfiguration.from(Map.of("METERING_EVENTS", "yes")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_EVENTS must be on or off");
        assertThatThrownBy(() -> EventsConfiguration.from(Map.of("METERING_EVENTS_RETENTION", "30 days")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> EventsConfiguration.from(Map.of("METERING_EVENTS_RETENTION", "PT5M")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least PT1H");
    }
}
