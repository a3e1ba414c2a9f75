package io.metering.application.service;

import io.metering.application.service.events.ChangeEventRecorder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Event ids from {@link ChangeEventRecorder#eventId()}: version 4, IETF variant, unique. */
class ChangeEventIdTest {
    @Test
    void idsAreRandomVersion4UuidsWithoutRepeats() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = ChangeEventRecorder.eventId();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }
}
