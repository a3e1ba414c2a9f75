package io.metering.adapters.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.persistence.SharedPostgres;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventData;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A database upgraded with events in its outbox that an earlier version wrote (a JSON array per row,
 * as 0.9.0 and its successors until the packed form wrote it, byte for byte): they are served as
 * they were, ids, types, subjects and data verbatim, in order before the events written after the
 * upgrade, with pages ending inside either kind of row and the type filter on both.
 */
class LegacyOutboxRowsTest {
    private static final Instant MADE = Instant.parse("2026-03-01T10:15:30.123Z");
    private final OrganizationId org = new OrganizationId("legacy-" + UUID.randomUUID());

    @Test
    void eventsOfTheJsonArrayFormAreServedVerbatimBeforeTheNewOnes() {
        PostgresPersistence p = SharedPostgres.persistence();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        // what OutboxRows wrote before the packed form (no spaces), and a row with spaces and escapes in its data
        String written = "[{\"id\":\"" + a + "\",\"type\":\"io.metering.reading.created\",\"subject\":\"counters/x/readings/feed-in/"
                + "2026-03-01T07:00:00Z\",\"data\":{\"meter_id\":\"m\",\"value\":1250.30,\"note\":\"Z\\u00e4hler\\twechsel\"}},"
                + "{\"id\":\"" + b + "\",\"type\":\"io.metering.reading.deleted\",\"subject\":\"s\\\"q\",\"data\":{\"value\":0.000}}]";
        String spaced = "[{\"id\": \"" + c + "\", \"type\": \"io.metering.meter.updated\", \"subject\": \"meters/m\","
                + " \"data\": {\"nested\": [1, {\"a\": null}],  \"b\" : \"]}\"}}]";
        Jdbi jdbi = Jdbi.create(p.dataSource());
        for (String row : List.of(written, spaced)) {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO change_event (org_id, made_at, actor, types, event_count, events)"
                            + " SELECT :org, CAST(:at AS timestamptz), 'admin:erp', ARRAY(SELECT DISTINCT e->>'type'"
                            + " FROM json_array_elements(CAST(:events AS json)) e), json_array_length(CAST(:events AS json)), :events")
                    .bind("org", org.value()).bind("at", MADE.toString()).bind("events", row).execute());
        }
        Reading reading = Reading.builder(MeterId.random(), CounterId.random(), Direction.FEED_IN).at(MADE).value("7.5").build();
        ChangeEvent after = new ChangeEvent(UUID.randomUUID(), org, "io.metering.reading.created", null, MADE, "admin:erp",
                new EventData.OfReading(reading));
        p.transactions().inTransaction(() -> {
            p.events().append(List.of(after));
            return null;
        });

        List<ChangeEvent> read = new ArrayList<>();
        for (ChangeEventPage page = p.events().read(org, EventPosition.START, 1, Set.of()); !page.events().isEmpty();
                page = p.events().read(org, page.next(), 1, Set.of())) {
            page.events().forEach(e -> read.add(e.event()));
        }

        assertThat(read).extracting(ChangeEvent::id).containsExactly(a, b, c, after.id());
        assertThat(read).extracting(ChangeEvent::type).containsExactly("io.metering.reading.created", "io.metering.reading.deleted",
                "io.metering.meter.updated", "io.metering.reading.created");
        assertThat(read).extracting(ChangeEvent::subject).containsExactly("counters/x/readings/feed-in/2026-03-01T07:00:00Z", "s\"q",
                "meters/m", after.subject());
        assertThat(read.subList(0, 3)).extracting(e -> ((EventData.Json) e.data()).text()).containsExactly(
                "{\"meter_id\":\"m\",\"value\":1250.30,\"note\":\"Z\\u00e4hler\\twechsel\"}", "{\"value\":0.000}",
                "{\"nested\": [1, {\"a\": null}],  \"b\" : \"]}\"}");
        assertThat(read).extracting(ChangeEvent::time).containsOnly(MADE);
        assertThat(read).extracting(ChangeEvent::actor).containsOnly("admin:erp");
        assertThat(read.get(3)).isEqualTo(after);
        assertThat(p.events().read(org, EventPosition.START, 10, Set.of("io.metering.reading.deleted", "io.metering.meter.updated"))
                .events()).extracting(RecordedChangeEvent::event).extracting(ChangeEvent::id).containsExactly(b, c);
    }

    @Test
    void aTypeFilteredPageStopsAfterAFewMegabytesOfLargeRowsAndTheNextResumesWithoutGaps() {
        PostgresPersistence p = SharedPostgres.persistence();
        Jdbi jdbi = Jdbi.create(p.dataSource());
        String filler = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"io.metering.reading.created\",\"subject\":\"s\","
                + "\"data\":{\"note\":\"" + "x".repeat(1000) + "\"}}";
        List<UUID> rare = new ArrayList<>();
        for (int row = 0; row < 6; row++) {
            UUID id = UUID.randomUUID();
            rare.add(id);
            // about 1 MB: one event of the asked type among a thousand others
            String events = "[" + (filler + ",").repeat(1000) + "{\"id\":\"" + id + "\",\"type\":\"io.metering.meter.updated\","
                    + "\"subject\":\"meters/m\",\"data\":{}}]";
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO change_event (org_id, made_at, actor, types, event_count, events)"
                            + " VALUES (:org, CAST(:at AS timestamptz), 'admin:erp', '{io.metering.reading.created,io.metering.meter.updated}',"
                            + " 1001, :events)")
                    .bind("org", org.value()).bind("at", MADE.toString()).bind("events", events).execute());
        }

        ChangeEventPage first = p.events().read(org, EventPosition.START, 10, Set.of("io.metering.meter.updated"));
        ChangeEventPage second = p.events().read(org, first.next(), 10, Set.of("io.metering.meter.updated"));

        assertThat(first.events()).as("rows read up to about 4 MB of text").hasSizeBetween(1, 5);
        List<UUID> both = new ArrayList<>();
        first.events().forEach(e -> both.add(e.event().id()));
        second.events().forEach(e -> both.add(e.event().id()));
        assertThat(both).containsExactlyElementsOf(rare);
    }
}
