package io.metering.application.service;

import io.metering.application.service.events.ChangeEventRecorder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Event ids from {@link ChangeEventRecorder#eventId()} and the runs counted up from them
 * ({@link ChangeEventRecorder#eventId(UUID, int)}): version 4, IETF variant, unique.
 */
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

    @Test
    void idsCountedUpWithinAWriteStayVersion4AndUnique() {
        Set<UUID> seen = new HashSet<>();
        for (int write = 0; write < 1000; write++) {
            UUID first = ChangeEventRecorder.eventId();
            for (int i = 0; i < 1000; i++) {
                UUID id = ChangeEventRecorder.eventId(first, i);
                assertThat(id.version()).isEqualTo(4);
                assertThat(id.variant()).isEqualTo(2);
                assertThat(seen.add(id)).as("id %s is new", id).isTrue();
            }
        }
        UUID top = new UUID(0x4000L, 0x9FFFFFFFFFFFFFFFL);
        assertThat(ChangeEventRecorder.eventId(top, 16_777_215).variant()).as("the largest first id, a whole row later").isEqualTo(2);
    }
}
