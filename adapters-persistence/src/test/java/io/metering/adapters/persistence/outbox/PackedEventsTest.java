package io.metering.adapters.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.metering.application.model.ChangeEvent;
import io.metering.application.model.EventData;
import io.metering.application.service.events.ChangeEventRecorder;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packed outbox form gives back exactly the events it was given: ids (counted up or not),
 * types, subjects, and readings field by field, with the value's scale and the metadata's order,
 * whatever the text fields hold (tabs, line feeds, backslashes, NUL, the escape markers as text).
 */
class PackedEventsTest {
    private static final OrganizationId ORG = new OrganizationId("stadtwerk-nord");
    private static final Instant AT = Instant.parse("2026-03-01T07:00:05.123Z");
    private static final String[] TEXTS = {null, "", "a", "\\", "\\N", "\\e", "\t", "\n", "\r", "\0", "Zählerwechsel", "x\ty\nz",
        "€ 5", "  "};

    @Test
    void unpackingGivesBackEqualEventsInOrder() {
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 60)).checkAssert((seed, size) -> {
            List<ChangeEvent> events = events(new Random(seed), size);

            List<ChangeEvent> back = PackedEvents.unpack(PackedEvents.pack(events), ORG, AT, "admin:erp");

            assertThat(back).containsExactlyElementsOf(events);
            for (int i = 0; i < events.size(); i++) {
                assertThat(back.get(i).subject()).isEqualTo(events.get(i).subject());
                if (events.get(i).data() instanceof EventData.OfReading written) {
                    Reading read = ((EventData.OfReading) back.get(i).data()).reading();
                    assertThat(read.value().scale()).isEqualTo(written.reading().value().scale());
                    assertThat(new ArrayList<>(read.metadata().entrySet()))
                            .containsExactlyElementsOf(new ArrayList<>(written.reading().metadata().entrySet()));
                }
            }
        });
    }

    @Test
    void aWriteOfOneCounterTakesAFewBytesPerReading() {
        MeterId meter = MeterId.random();
        CounterId counter = CounterId.random();
        UUID first = ChangeEventRecorder.eventId();
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Reading r = Reading.builder(meter, counter, Direction.FEED_OUT).at(AT.plusSeconds(900L * i))
                    .value(new BigDecimal(1_000_000 + 37 * i).movePointLeft(3)).status(ReadingStatus.VALID).build();
            events.add(new ChangeEvent(ChangeEventRecorder.eventId(first, i), ORG, "io.metering.reading.created", null, AT, "admin:erp",
                    new EventData.OfReading(r)));
        }

        String packed = PackedEvents.pack(events);

        // the first line names everything; every further one only its value (the step repeats)
        assertThat(packed.length()).isLessThan(200 + 99 * 16);
        assertThat(PackedEvents.unpack(packed, ORG, AT, "admin:erp")).containsExactlyElementsOf(events);
    }

    @Test
    void aRowOfAnotherFormIsRefused() {
        assertThat(PackedEvents.isPacked("[{\"id\":\"x\"}]")).isFalse();
        assertThat(PackedEvents.isPacked("#10\n")).isFalse();
        assertThatThrownBy(() -> PackedEvents.unpack("#1\n\t\tj\ts\t{}", ORG, AT, "a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PackedEvents.unpack("#1\n" + UUID.randomUUID() + "\t\tj\ts\t{}", ORG, AT, "a"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PackedEvents.unpack("#1\n" + UUID.randomUUID() + "\tt\tq", ORG, AT, "a"))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<ChangeEvent> events(Random random, int size) {
        MeterId[] meters = {MeterId.random(), MeterId.random()};
        CounterId[] counters = {CounterId.random(), CounterId.random()};
        String[] types = {"io.metering.reading.created", "io.metering.reading.deleted", "io.metering.meter.updated"};
        UUID first = ChangeEventRecorder.eventId();
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            UUID id = random.nextInt(4) == 0 ? UUID.randomUUID() : ChangeEventRecorder.eventId(first, i);
            String type = types[random.nextInt(types.length)];
            if (random.nextInt(5) == 0) {
                String subject = text(random);
                events.add(new ChangeEvent(id, ORG, type, subject == null ? "s" : subject, AT, "admin:erp",
                        "{\"note\":\"" + text(random) + "\"}"));
                continue;
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int m = random.nextInt(4) == 0 ? random.nextInt(4) : 0; m > 0; m--) {
                metadata.put(random.nextInt(1000) + "" + text(random), text(random));
            }
            Reading r = Reading.builder(meters[random.nextInt(2)], counters[random.nextInt(2)], Direction.values()[random.nextInt(2)])
                    .at(Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(2_000_000_000) - 1_000_000_000L))
                    .value(new BigDecimal(BigInteger.valueOf(random.nextInt(1_000_000)), random.nextInt(12) - 2))
                    .source(ReadingSource.values()[random.nextInt(ReadingSource.values().length)])
                    .reason(random.nextBoolean() ? null : ReadingReason.of(text(random) + "r"))
                    .readBy(text(random)).status(random.nextBoolean() ? null : ReadingStatus.values()[random.nextInt(ReadingStatus.values().length)])
                    .externalId(text(random)).remark(text(random)).note(text(random)).unit(text(random)).metadata(metadata)
                    .build();
            events.add(new ChangeEvent(id, ORG, type, null, AT, "admin:erp", new EventData.OfReading(r)));
        }
        return events;
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
