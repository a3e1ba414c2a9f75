package io.metering.adapters.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.persistence.SharedPostgres;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.EventData;
import io.metering.application.service.events.ChangeEventRecorder;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The outbox row of the events benchmark's request (100 hourly readings of one counter, values with
 * one fraction digit) stays in the table's own page: smaller than PostgreSQL's TOAST threshold
 * (2032 bytes for a row), and holding its events' text itself rather than a pointer to TOAST
 * (docs/events.md "Storage"; the JSON array form took about 35 KB in 18 TOAST chunks).
 */
class PackedRowSizeTest {
    private static final int TOAST_TUPLE_THRESHOLD = 2032;

    @Test
    void aRequestOf100ReadingsIsOneInlineRow() {
        PostgresPersistence p = SharedPostgres.persistence();
        OrganizationId org = new OrganizationId("bench-" + UUID.randomUUID());
        MeterId meter = MeterId.random();
        CounterId counter = CounterId.random();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        UUID first = ChangeEventRecorder.eventId();
        List<ChangeEvent> events = new ArrayList<>();
        for (int h = 0; h < 100; h++) {
            Reading r = Reading.builder(meter, counter, Direction.FEED_OUT).at(start.plusSeconds(3600L * h))
                    .value(BigDecimal.valueOf(h * 15L + 7, 1)).build();
            events.add(new ChangeEvent(ChangeEventRecorder.eventId(first, h), org, "io.metering.reading.created", null, start,
                    "admin:bench", new EventData.OfReading(r)));
        }
        p.transactions().inTransaction(() -> {
            p.events().append(events);
            return null;
        });

        Map<String, Object> size = Jdbi.create(p.dataSource()).withHandle(h -> h.createQuery(
                        "SELECT octet_length(events) AS text, pg_column_size(c.*) AS row FROM change_event c WHERE org_id = :org")
                .bind("org", org.value()).mapToMap().one());

        int text = ((Number) size.get("text")).intValue();
        int row = ((Number) size.get("row")).intValue();
        assertThat(row).as("the row holds its events' %d bytes itself", text).isGreaterThan(text).isLessThan(TOAST_TUPLE_THRESHOLD);
    }
}
