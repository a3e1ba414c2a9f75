package io.metering.adapters.http.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.model.ChangeEvent;
import io.metering.application.model.EventData;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A reading event whose data is the reading itself (rendered when served) is the same CloudEvent,
 * byte for byte, as the event the recorder made before, with the reading rendered at the change and
 * the subject written out (docs/events.md "Storage").
 */
class CloudEventJsonTest {
    @Test
    void aReadingRenderedWhenServedIsTheEventRenderedAtTheChange() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("zeta", "\"quoted\" \u00e4");
        metadata.put("alpha", "2");
        Reading reading = Reading.builder(MeterId.random(), CounterId.random(), Direction.FEED_OUT)
                .at(Instant.parse("2026-03-01T07:00:00Z")).value(new BigDecimal("1250.300")).reason(ReadingReason.METER_CHANGE)
                .status(ReadingStatus.IMPLAUSIBLE).note("tab\there").readBy("").metadata(metadata).build();
        UUID id = UUID.randomUUID();
        OrganizationId org = new OrganizationId("stadtwerk-nord");
        Instant made = Instant.parse("2026-03-01T07:00:05.123Z");
        // what the recorder stored before: the subject written out, the data rendered by the reading mapper
        ChangeEvent before = new ChangeEvent(id, org, "io.metering.reading.updated",
                "counters/" + reading.counterId() + "/readings/" + reading.direction().code() + "/" + reading.timestamp(), made,
                "admin:erp", new EventDataJson().reading(reading));
        ChangeEvent now = new ChangeEvent(id, org, "io.metering.reading.updated", null, made, "admin:erp",
                new EventData.OfReading(reading));
        EventPosition at = new EventPosition(4711, (3L << 24) | 5);

        String served = new String(CloudEventJson.render(new RecordedChangeEvent(at, now)), StandardCharsets.UTF_8);

        assertThat(served).isEqualTo(new String(CloudEventJson.render(new RecordedChangeEvent(at, before)), StandardCharsets.UTF_8));
        assertThat(served).contains("\"subject\":\"counters/" + reading.counterId()
                + "/readings/feed-out/2026-03-01T07:00:00Z\"");
    }

    @Test
    void timeHasExactlyThreeFractionDigitsLikeTheApisOtherInstants() {
        OrganizationId org = new OrganizationId("stadtwerk-nord");
        String data = "{\"time\":\"inside data\",\"note\":\"\\\"time\\\":\\\"x\"}";
        for (String[] made : new String[][] {{"2026-12-07T05:29:04.010Z", "2026-12-07T05:29:04.010Z"},
                {"2026-12-07T05:29:04Z", "2026-12-07T05:29:04.000Z"}, {"2026-12-07T05:29:04.100999Z", "2026-12-07T05:29:04.100Z"}}) {
            ChangeEvent e = new ChangeEvent(UUID.randomUUID(), org, "io.metering.meter.created", "meters/x",
                    Instant.parse(made[0]), "admin:erp", new EventData.Json(data));

            String served = new String(CloudEventJson.render(new RecordedChangeEvent(new EventPosition(1, 2), e)), StandardCharsets.UTF_8);

            assertThat(served).as(made[0]).contains("\"time\":\"" + made[1] + "\"").contains(data);
        }
    }
}
