package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import io.metering.testing.Http.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A meter's {@code decommissioned_at} closes it whatever its {@code status} says
 * (docs/domain.md#decommissioned-meters): it cannot be set before a stored reading, and no write
 * path takes a reading after it. The app's clock stands at 2024-06-15T10:00Z.
 */
class DecommissioningInstantRoutesTest {
    private static final String CONTACT = "contact-closing";
    private static final String MALO = "51238696781";
    private static final String CLOSING = "2024-06-10T00:00:00Z";
    private static final String AFTER = "2024-06-11T00:00:00Z";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    /** An active meter with readings on June 1st and 5th. */
    @BeforeEach
    void meterWithReadings() {
        meter = t.meter(Map.of("sector", "power", "customer", TestApp.relation(CONTACT)));
        counter = t.counter(meter, TestApp.FEED_OUT);
        assertThat(t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[" + reading("100", "2024-06-01T00:00:00Z") + ","
                + reading("150", "2024-06-05T00:00:00Z") + "]}").status()).isEqualTo(200);
    }

    private String reading(String value, String timestamp) {
        return TestApp.reading(meter, counter, value, "ERP", timestamp);
    }

    private String series() {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id();
    }

    private List<String> values() {
        return t.get(series() + "?size=-1", t.adminToken()).json().get("results").findValuesAsText("value");
    }

    /** Sets decommissioned_at alone, through the contract's updateMeter, as an admin. */
    private Reply close(String at) {
        return t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), js("{'decommissioned_at':'" + at + "'}"));
    }

    @Test
    void aDecommissioningInstantAloneBeforeAStoredReadingIsRefusedLikeTheStatusChange() {
        Reply alone = close("2024-06-03T00:00:00Z");
        Reply admin = t.patch("/v1/metering/admin/meters/" + meter.id(), t.adminToken(), js("{'decommissioned_at':'2024-06-03'}"));
        Reply withStatus = t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(),
                js("{'status':'decommissioned','decommissioned_at':'2024-06-03T00:00:00Z'}"));

        assertReason(alone, 409, "readings_after_decommissioning");
        assertThat(alone.json().get("message").asText()).contains("the latest at 2024-06-05T00:00:00Z");
        assertReason(admin, 409, "readings_after_decommissioning");
        assertReason(withStatus, 409, "readings_after_decommissioning");
        assertThat(t.get("/v1/metering/admin/meters/" + meter.id(), t.adminToken()).json().at("/data/decommissioned_at").isMissingNode())
                .as("the refused change stored nothing").isTrue();
    }

    @Test
    void afterTheInstantEveryV1WriteIsRefusedWhileTheStatusStaysActive() {
        Reply closed = close(CLOSING);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().at("/data/status").asText()).isEqualTo("active");

        assertReason(t.post("/v1/metering/reading?skip_validation=true", t.adminToken(), reading("160", AFTER)), 400, "meter_decommissioned");
        assertReason(t.post("/v1/metering/readings?skip_validation=true", t.adminToken(), "{\"readings\":[" + reading("160", AFTER) + "]}"),
                400, "meter_decommissioned");
        assertReason(t.post("/v1/metering/readings/" + meter.id(), t.portalToken(CONTACT),
                "{\"readings\":[" + TestApp.reading(meter, counter, "160", "ECP", AFTER) + "]}"), 400, "meter_decommissioned");
        assertReason(t.put(series() + "?timestamp=2024-06-05T00:00:00Z", t.adminToken(),
                js("{'meter_id':'" + meter.id() + "','value':150,'source':'ERP','timestamp':'" + AFTER + "'}")), 400, "meter_decommissioned");
        assertReason(t.delete(series() + "?timestamp=" + AFTER, t.adminToken()), 400, "meter_decommissioned");
        // up to the instant an admin still corrects
        assertThat(t.put(series() + "?timestamp=2024-06-05T00:00:00Z", t.adminToken(),
                js("{'meter_id':'" + meter.id() + "','value':149,'source':'ERP'}")).status()).isEqualTo(200);
        // a portal user writes nothing to a meter past its closing instant
        assertReason(t.post("/v1/metering/reading", t.portalToken(CONTACT), TestApp.reading(meter, counter, "155", "ECP",
                "2024-06-08T00:00:00Z")), 400, "meter_decommissioned");

        assertThat(values()).containsExactly("100", "149");
    }

    @Test
    void afterTheInstantV2BatchItemsAndMovesAwayFromItAreRefusedAndNothingOfTheBatchIsWritten() {
        assertThat(t.post("/v2/metering/readings", t.adminToken(), js("{'readings':[" + item("create", "155", "2024-06-07T00:00:00Z")
                .replace("}", ",'external_id':'erp-7'}") + "]}")).status()).isEqualTo(200);
        assertThat(close(CLOSING).status()).isEqualTo(200);
        // a reading stored after the instant before the rule existed (docs/domain.md#decommissioned-meters): kept, but unchangeable
        t.store.insert(meter.org(), List.of(Reading.builder(counter).at(Instant.parse("2024-06-12T00:00:00Z")).value("170")
                .source(ReadingSource.ERP).build()));

        Reply create = batch("[" + item("create", "156", "2024-06-08T00:00:00Z") + "," + item("create", "160", AFTER) + "]", "");
        Reply moved = batch("[" + item("update", "157", AFTER).replace("}", ",'external_id':'erp-7'}") + "]", "&identifiers=external_id");
        Reply deleted = batch("[" + item("create", "156", "2024-06-08T00:00:00Z") + "," + item("delete", "170", "2024-06-12T00:00:00Z")
                + "]", "");

        Reply movedV1 = t.put(series() + "?timestamp=2024-06-12T00:00:00Z&skip_validation=true", t.adminToken(),
                js("{'meter_id':'" + meter.id() + "','value':170,'source':'ERP','timestamp':'2024-06-09T00:00:00Z'}"));

        for (Reply r : List.of(create, moved, deleted, movedV1)) {
            assertReason(r, 400, "meter_decommissioned");
        }
        assertThat(create.json().get("message").asText()).startsWith("readings[1]");
        assertThat(deleted.json().get("message").asText()).startsWith("readings[1]");
        assertThat(values()).containsExactly("100", "150", "155", "170");
    }

    private static final String ITEM = "{'operation':'%s','meter_id':'%s','counter_id':'%s','value':%s,'source':'ERP','timestamp':'%s'}";

    private String item(String operation, String value, String timestamp) {
        return String.format(ITEM, operation, meter.id(), counter.id(), value, timestamp);
    }

    private Reply batch(String items, String identifiers) {
        String body = identifiers.isEmpty() ? "{'readings':" + items + "}" : "{'identifiers':['external_id'],'readings':" + items + "}";
        return t.post("/v2/metering/readings?skip_validation=true", t.adminToken(), js(body));
    }

    @Test
    void afterTheInstantSubmissionsReadingsWithMeterAndImportsAreRefused() {
        Meter byMaLo = t.meter(Map.of("sector", "power", "ma_lo_id", MALO));
        Counter c = t.counter(byMaLo, TestApp.FEED_OUT);
        assertThat(t.patch("/v1/metering/meter/" + byMaLo.id(), t.adminToken(), js("{'decommissioned_at':'" + CLOSING + "'}")).status())
                .isEqualTo(200);
        assertThat(close(CLOSING).status()).isEqualTo(200);

        assertReason(t.post("/v1/metering/reading/submission", t.adminToken(), js("{'entity':{'meterReadings':[{'meterId':'" + meter.id()
                + "','meterType':'one_tariff','readingValue':160,'readingDate':'" + AFTER + "'}]}}")), 400, "meter_decommissioned");
        assertReason(t.post("/v1/metering/reading/with-meter", t.adminToken(), js("{'meter_id':'" + meter.id()
                + "','obis_number':'1-0:1.8.0','value':160,'source':'ERP','timestamp':'" + AFTER + "'}")), 400, "meter_decommissioned");
        assertReason(t.post("/v1/metering/reading/with-meter", t.adminToken(), js("{'ma_lo_id':'" + MALO
                + "','obis_number':'1-0:1.8.0','value':160,'source':'ERP','timestamp':'" + AFTER + "'}")), 400, "meter_decommissioned");
        Reply upload = t.send("POST", "/v1/metering/admin/imports", t.adminToken(), "text/csv",
                "lines\n" + MALO + " " + c.id() + " " + AFTER + " 5\n");
        assertThat(upload.status()).isEqualTo(202);
        JsonNode job = t.get("/v1/metering/admin/imports/" + upload.json().at("/data/id").asText(), t.adminToken()).json().get("data");
        assertThat(job.at("/refusals/0/reason").asText()).isEqualTo("meter_decommissioned");

        assertThat(values()).containsExactly("100", "150");
        assertThat(t.get("/v1/metering/reading/" + byMaLo.id() + "/" + c.id() + "?size=-1", t.adminToken()).json().get("results")).isEmpty();
    }

    @Test
    void ofTwoMetersSharingAMaLoIdTheOnePastItsInstantIsNotTheActiveOne() {
        Meter old = t.meter(Map.of("sector", "power", "ma_lo_id", "51238696782"));
        Meter current = t.meter(Map.of("sector", "power", "ma_lo_id", "51238696782"));
        Counter newCounter = t.counter(current, TestApp.FEED_OUT);
        t.counter(old, TestApp.FEED_OUT);
        assertThat(t.patch("/v1/metering/meter/" + old.id(), t.adminToken(), js("{'decommissioned_at':'2024-06-01'}")).status())
                .isEqualTo(200);

        Reply r = t.post("/v1/metering/reading/with-meter", t.adminToken(),
                js("{'ma_lo_id':'51238696782','obis_number':'1-0:1.8.0','value':5,'source':'ERP','timestamp':'2024-06-12T00:00:00Z'}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/data/counter_id").asText()).isEqualTo(newCounter.id().toString());
    }

    @Test
    void applyingAChangesetAfterTheInstantIsRefused() {
        Meter governed = t.meter(Map.of("sector", "power", "customer", TestApp.relation(CONTACT),
                "reading_governance", Map.of("edit_mode", "approval")));
        Counter c = t.counter(governed, TestApp.FEED_OUT);
        Reply proposed = t.post("/v1/metering/reading", t.portalToken(CONTACT), TestApp.reading(governed, c, "10", "ECP", AFTER));
        String id = proposed.json().at("/pending_changesets/0/changeset_id").asText();
        assertThat(t.patch("/v1/metering/meter/" + governed.id(), t.adminToken(), js("{'decommissioned_at':'" + CLOSING + "'}")).status())
                .isEqualTo(200);

        assertReason(t.post("/v1/metering/reading/" + governed.id() + "/" + c.id() + "/changesets/" + id + ":apply", t.adminToken(), null),
                400, "meter_decommissioned");
        assertThat(t.get("/v1/metering/reading/" + governed.id() + "/" + c.id() + "?size=-1", t.adminToken()).json().get("results")).isEmpty();
    }

    @Test
    void theAllowedRangeSaysClosedAndHasNoMaximumAfterTheInstant() {
        assertThat(close(CLOSING).status()).isEqualTo(200);

        JsonNode range = t.get("/v1/metering/allowed/reading/" + meter.id() + "?timestamp=" + AFTER, t.adminToken()).json().at("/data/0");

        assertThat(range.get("closed").asBoolean()).isTrue();
        assertThat(range.get("decommissioned_at").asText()).isEqualTo("2024-06-10T00:00:00.000Z");
        assertThat(range.has("max_value")).isFalse();
    }

    @Test
    void aPlannedClosingAheadOfNowDoesNotCloseTheRangeUntilItHasPassed() {
        String planned = "2024-07-01T00:00:00Z";
        String before = "2024-06-20T00:00:00Z";
        assertThat(close(planned).status()).isEqualTo(200);
        try {
            JsonNode open = t.get("/v1/metering/allowed/reading/" + meter.id() + "?timestamp=" + before, t.adminToken()).json().at("/data/0");
            assertThat(open.has("closed")).as("the clock stands before the planned closing: " + open).isFalse();

            t.clock.set(java.time.Instant.parse("2024-07-02T00:00:00Z"));
            JsonNode passed = t.get("/v1/metering/allowed/reading/" + meter.id() + "?timestamp=" + before, t.adminToken()).json().at("/data/0");
            assertThat(passed.get("closed").asBoolean()).as("the closing has passed").isTrue();
            assertThat(passed.get("decommissioned_at").asText()).isEqualTo("2024-07-01T00:00:00.000Z");
        } finally {
            t.clock.set(TestApp.START);
        }
    }

    @Test
    void statusActiveWithoutAnInstantReopensTheMeter() {
        assertThat(close(CLOSING).status()).isEqualTo(200);

        Reply reopened = t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), js("{'status':'active'}"));

        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().at("/data/decommissioned_at").isMissingNode()).isTrue();
        assertThat(t.post("/v1/metering/reading", t.adminToken(), reading("160", AFTER)).status()).isEqualTo(200);
        assertThat(t.get("/v1/metering/allowed/reading/" + meter.id() + "?timestamp=" + AFTER, t.adminToken()).json()
                .at("/data/0").has("closed")).isFalse();
    }

    /** Clearing the instant of a meter that stays decommissioned used to stamp the time of the change, reopening the days between. */
    @Test
    void clearingTheInstantOfADecommissionedMeterIsRefusedOnBothPatches() {
        String admin = "/v1/metering/admin/meters/" + meter.id();
        assertThat(t.patch(admin, t.adminToken(), js("{'status':'decommissioned','decommissioned_at':'" + CLOSING + "'}")).status())
                .isEqualTo(200);

        for (String path : new String[] {admin, "/v1/metering/meter/" + meter.id()}) {
            Reply cleared = t.patch(path, t.adminToken(), "{\"decommissioned_at\":null}");
            assertReason(cleared, 400, "invalid_parameter");
            assertThat(cleared.json().get("message").asText()).as(path).contains("status 'active'").contains("new decommissioned_at");
        }
        JsonNode stored = t.get(admin, t.adminToken()).json().get("data");
        assertThat(stored.get("decommissioned_at").asText()).isEqualTo(CLOSING);
        assertThat(stored.get("status").asText()).isEqualTo("decommissioned");
    }

    @Test
    void theInstantStampedAtTheTimeOfTheChangeIsToTheMillisecond() {
        t.clock.set(TestApp.START.plusNanos(123_456_789));
        try {
            Reply closed = t.patch("/v1/metering/admin/meters/" + meter.id(), t.adminToken(), js("{'status':'decommissioned'}"));
            assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
            assertThat(closed.json().at("/data/decommissioned_at").asText()).isEqualTo("2024-06-15T10:00:00.123Z");
        } finally {
            t.clock.set(TestApp.START);
        }
    }
}
