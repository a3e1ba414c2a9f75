package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every change operation of the API records its change event, with the right type and data, and
 * every refused write records none; the feed's parameters and answers (docs/events.md).
 */
class EventFeedRoutesTest {
    private static final String FEED = "/v1/metering/events";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;
    private String cursor;

    @BeforeEach
    void meterAndCursor() {
        meter = t.powerMeterOf("contact-events");
        counter = t.counter(meter, TestApp.FEED_OUT);
        cursor = head();
    }

    /** The cursor after every event so far. */
    private static String head() {
        String at = null;
        while (true) {
            JsonNode page = t.get(FEED + "?limit=1000" + (at == null ? "" : "&after=" + at), t.adminToken()).json();
            at = page.get("next").asText();
            if (page.get("events").isEmpty()) {
                return at;
            }
        }
    }

    /** The events since the test's cursor; moves the cursor past them. */
    private List<JsonNode> newEvents() {
        Reply r = t.get(FEED + "?after=" + cursor, t.adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        r.json().get("events").forEach(events::add);
        cursor = r.json().get("next").asText();
        return events;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    private String reading(String value, String timestamp) {
        return TestApp.reading(meter, counter, value, "360", timestamp);
    }

    private String series() {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id();
    }

    @Test
    void aCreatedReadingIsACloudEventWithTheReadingAsTheApiShowsIt() {
        assertThat(t.post("/v1/metering/reading", t.adminToken(), reading("1250.30", "2024-06-01T00:00:00Z")).status()).isEqualTo(200);

        List<JsonNode> events = newEvents();
        assertThat(types(events)).containsExactly("io.metering.reading.created");
        JsonNode e = events.get(0);
        assertThat(e.get("specversion").asText()).isEqualTo("1.0");
        assertThat(e.get("id").asText()).hasSize(36);
        assertThat(e.get("source").asText()).isEqualTo("/metering/orgs/" + TestApp.ORG);
        assertThat(e.get("time").asText()).isEqualTo("2024-06-15T10:00:00.000Z");
        assertThat(e.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(e.get("subject").asText()).isEqualTo("counters/" + counter.id() + "/readings/feed-out/2024-06-01T00:00:00Z");
        assertThat(e.get("organization").asText()).isEqualTo(TestApp.ORG);
        assertThat(e.get("actor").asText()).isEqualTo("admin:admin-user");
        assertThat(e.get("sequence").asText()).isEqualTo(cursor);
        JsonNode data = e.get("data");
        assertThat(data.get("meter_id").asText()).isEqualTo(meter.id().toString());
        assertThat(data.get("counter_id").asText()).isEqualTo(counter.id().toString());
        assertThat(data.get("value").decimalValue()).isEqualByComparingTo("1250.3");
        assertThat(data.get("timestamp").asText()).isEqualTo("2024-06-01T00:00:00.000Z");
        assertThat(data.get("source").asText()).isEqualTo("360");
    }

    @Test
    void readingsUpdatedMarkedAndDeletedByTheV1Operations() {
        t.post("/v1/metering/reading", t.adminToken(), reading("100", "2024-06-01T00:00:00Z"));
        t.post("/v1/metering/reading", t.adminToken(), reading("200", "2024-06-02T00:00:00Z"));
        newEvents();
        String second = series() + "?timestamp=2024-06-02T00:00:00Z";

        assertThat(t.put(second, t.adminToken(), TestApp.js("{'value':210,'source':'360'}")).status()).isEqualTo(200);
        assertThat(t.put(second, t.adminToken(), TestApp.js("{'value':210,'source':'360','status':'implausible'}")).status())
                .isEqualTo(200);
        assertThat(t.put(second, t.adminToken(), TestApp.js("{'value':210,'source':'360','status':'valid'}")).status())
                .isEqualTo(200);
        assertThat(t.delete(second, t.adminToken()).status()).isEqualTo(200);

        List<JsonNode> events = newEvents();
        assertThat(types(events)).containsExactly("io.metering.reading.updated", "io.metering.reading.marked_implausible",
                "io.metering.reading.marked_valid", "io.metering.reading.deleted");
        assertThat(events.get(0).at("/data/value").decimalValue()).isEqualByComparingTo("210");
        assertThat(events.get(1).at("/data/status").asText()).isEqualTo("implausible");
        assertThat(events.get(3).at("/data/value").decimalValue()).as("the deleted reading as it was").isEqualByComparingTo("210");
        assertThat(events.get(3).get("subject").asText()).endsWith("/readings/feed-out/2024-06-02T00:00:00Z");
    }

    @Test
    void v2BatchAndPruneRecordOneEventPerReading() {
        String item = "'meter_id':'" + meter.id() + "','counter_id':'" + counter.id() + "','source':'360'";
        Reply batch = t.post("/v2/metering/readings", t.adminToken(), TestApp.js("{'readings':["
                + "{'operation':'create'," + item + ",'value':1,'timestamp':'2024-06-01T00:00:00Z','external_id':'a'},"
                + "{'operation':'create'," + item + ",'value':2,'timestamp':'2024-06-02T00:00:00Z','external_id':'b'},"
                + "{'operation':'create'," + item + ",'value':3,'timestamp':'2024-06-03T00:00:00Z','external_id':'c'}]}"));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(types(newEvents())).containsExactly("io.metering.reading.created", "io.metering.reading.created",
                "io.metering.reading.created");

        Reply delete = t.post("/v2/metering/readings", t.adminToken(), TestApp.js("{'readings':["
                + "{'operation':'delete'," + item + ",'timestamp':'2024-06-03T00:00:00Z'}]}"));
        assertThat(delete.status()).as(delete.toString()).isEqualTo(200);
        List<JsonNode> deleted = newEvents();
        assertThat(types(deleted)).containsExactly("io.metering.reading.deleted");
        assertThat(deleted.get(0).at("/data/external_id").asText()).isEqualTo("c");

        Reply prune = t.post("/v2/metering/readings/prune", t.adminToken(),
                TestApp.js("{'meter_id':'" + meter.id() + "','keep_external_ids':['a']}"));
        assertThat(prune.status()).as(prune.toString()).isEqualTo(200);
        List<JsonNode> pruned = newEvents();
        assertThat(types(pruned)).containsExactly("io.metering.reading.deleted");
        assertThat(pruned.get(0).at("/data/external_id").asText()).isEqualTo("b");
    }

    @Test
    void changesetsCreatedUpdatedAppliedAndDismissed() {
        t.govern(meter, Map.of("edit_mode", "approval"));
        t.post("/v1/metering/reading?direct=true", t.adminToken(), reading("100", "2024-06-02T00:00:00Z"));
        newEvents();
        String changesets = series() + "/changesets";

        String first = t.post("/v1/metering/reading", t.portalToken("contact-events"),
                TestApp.reading(meter, counter, "150.5", "ECP", "2024-06-03T00:00:00Z")).json()
                .get("pending_changesets").get(0).get("changeset_id").asText();
        assertThat(t.patch(changesets + "/" + first, t.adminToken(), TestApp.js("{'proposed':{'value':151}}")).status()).isEqualTo(200);
        assertThat(t.post(changesets + "/" + first + ":apply", t.adminToken(), null).status()).isEqualTo(200);
        String second = t.post("/v1/metering/reading", t.portalToken("contact-events"),
                TestApp.reading(meter, counter, "160", "ECP", "2024-06-04T00:00:00Z")).json()
                .get("pending_changesets").get(0).get("changeset_id").asText();
        assertThat(t.post(changesets + "/" + second + ":dismiss", t.adminToken(), TestApp.js("{'reason':'no'}")).status())
                .isEqualTo(200);

        List<JsonNode> events = newEvents();
        assertThat(types(events)).containsExactly("io.metering.changeset.created", "io.metering.changeset.updated",
                "io.metering.reading.created", "io.metering.changeset.applied", "io.metering.changeset.created",
                "io.metering.changeset.dismissed");
        assertThat(events.get(0).get("actor").asText()).isEqualTo("portal:portal-user");
        assertThat(events.get(0).at("/data/changeset_id").asText()).isEqualTo(first);
        assertThat(events.get(1).at("/data/proposed/value").decimalValue()).isEqualByComparingTo("151");
        assertThat(events.get(2).at("/data/value").decimalValue()).isEqualByComparingTo("151");
        assertThat(events.get(5).get("subject").asText()).isEqualTo("changesets/" + second);
    }

    @Test
    void metersAndCountersCreatedUpdatedAndDeleted() {
        Reply created = t.post("/v1/metering/admin/meters", t.adminToken(), TestApp.js("{'sector':'gas','meter_number':'EV-1'}"));
        assertThat(created.status()).isEqualTo(201);
        String m = created.json().at("/data/_id").asText();
        t.patch("/v1/metering/admin/meters/" + m, t.adminToken(), TestApp.js("{'meter_number':'EV-2'}"));
        Reply c = t.post("/v1/metering/admin/meters/" + m + "/counters", t.adminToken(),
                TestApp.js("{'obis_number':'7-0:3.0.0','unit':'m3'}"));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        String cid = c.json().at("/data/_id").asText();
        t.patch("/v1/metering/admin/counters/" + cid, t.adminToken(), TestApp.js("{'title':'gas volume'}"));
        assertThat(t.delete("/v1/metering/admin/counters/" + cid, t.adminToken()).status()).isEqualTo(204);
        assertThat(t.delete("/v1/metering/admin/meters/" + m, t.adminToken()).status()).isEqualTo(204);

        List<JsonNode> events = newEvents();
        assertThat(types(events)).containsExactly("io.metering.meter.created", "io.metering.meter.updated",
                "io.metering.counter.created", "io.metering.counter.updated", "io.metering.counter.deleted",
                "io.metering.meter.deleted");
        assertThat(events.get(0).get("subject").asText()).isEqualTo("meters/" + m);
        assertThat(events.get(1).at("/data/meter_number").asText()).isEqualTo("EV-2");
        assertThat(events.get(2).at("/data/obis_number").asText()).isEqualTo("7-0:3.0.0");
        assertThat(events.get(5).at("/data/meter_number").asText()).as("the meter as it was").isEqualTo("EV-2");
    }

    @Test
    void aReadingWithMeterThatCreatesItsCounterRecordsBoth() {
        Reply r = t.post("/v1/metering/reading/with-meter", t.adminToken(), TestApp.js("{'meter_id':'" + meter.id()
                + "','obis_number':'1-0:2.8.0','source':'ERP','value':42.5,'timestamp':'2024-06-10T00:00:00Z'}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);

        List<JsonNode> events = newEvents();
        assertThat(types(events)).containsExactly("io.metering.counter.created", "io.metering.reading.created");
        assertThat(events.get(0).at("/data/obis_number").asText()).isEqualTo("1-0:2.8.0");
        assertThat(events.get(1).at("/data/counter_id").asText()).isEqualTo(events.get(0).at("/data/_id").asText());
    }

    @Test
    void aPortalReadingRecordsItsEventWithThePortalCaller() {
        Reply r = t.post("/v1/metering/readings/" + meter.id(), t.portalToken("contact-events"), TestApp.js(
                "{'readings':[{'counter_id':'" + counter.id() + "','source':'360','value':7,'timestamp':'2024-06-10T00:00:00Z'}]}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);

        List<JsonNode> events = newEvents();
        assertThat(types(events)).containsExactly("io.metering.reading.created");
        assertThat(events.get(0).get("actor").asText()).isEqualTo("portal:portal-user");
    }

    @Test
    void anImportJobRecordsOneEventPerCommittedChunk() {
        // the only meter of this MaLo id in the test class: the import finds its meter by it
        Counter counter = t.counter(t.meter(Map.of("sector", "power", "ma_lo_id", "51238696781")), TestApp.FEED_OUT);
        newEvents();
        Reply accepted = t.send("POST", "/v1/metering/admin/imports?commit=chunk&chunk_size=2", t.adminToken(), "text/csv",
                "lines\n51238696781 " + counter.id() + " 2024-01-01T00:00:00Z 5\n51238696781 " + counter.id() + " 2024-01-02T00:00:00Z 6\n"
                        + "51238696781 " + counter.id() + " 2024-01-03T00:00:00Z 7\n51238696781 " + counter.id() + " 2024-01-04T00:00:00Z 1\n");
        assertThat(accepted.status()).isEqualTo(202);

        List<JsonNode> events = newEvents();
        assertThat(types(events)).as("the first chunk committed, the second refused").containsExactly("io.metering.readings.imported");
        JsonNode data = events.get(0).get("data");
        assertThat(data.get("counter_ids").get(0).asText()).isEqualTo(counter.id().toString());
        assertThat(data.get("from").asText()).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(data.get("to").asText()).isEqualTo("2024-01-02T00:00:00.000Z");
        assertThat(data.get("readings").asLong()).isEqualTo(2);
    }

    @Test
    void refusedWritesRecordNothing() {
        t.post("/v1/metering/reading", t.adminToken(), reading("100", "2024-06-02T00:00:00Z"));
        newEvents();

        assertThat(t.post("/v1/metering/reading", t.adminToken(), reading("90", "2024-06-03T00:00:00Z")).status()).isEqualTo(400);
        assertThat(t.post("/v1/metering/readings", t.adminToken(), TestApp.js("{'readings':[" + reading("110", "2024-06-03T00:00:00Z")
                + "," + reading("105", "2024-06-04T00:00:00Z") + "]}")).status()).as("a batch is all or nothing").isEqualTo(400);
        assertThat(t.post("/v1/metering/reading", t.adminToken("org-2"), reading("120", "2024-06-05T00:00:00Z")).status()).isEqualTo(404);
        assertThat(t.delete("/v1/metering/admin/meters/" + meter.id(), t.portalToken("contact-events")).status()).isEqualTo(403);
        assertThat(t.patch("/v1/metering/admin/counters/" + counter.id(), t.adminToken(), TestApp.js("{'direction':'feed-in'}")).status())
                .isEqualTo(409);

        assertThat(newEvents()).isEmpty();
    }

    @Test
    void patchesThatChangeNothingRecordNothing() {
        Meter other = t.meter(Map.of("sector", "gas"));
        newEvents();

        Reply meterId = t.patch("/v1/metering/admin/meters/" + meter.id(), t.adminToken(), TestApp.js("{'_id':'" + other.id() + "'}"));
        Reply sameSector = t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), TestApp.js("{'sector':'power'}"));
        Reply counterMeter = t.patch("/v1/metering/admin/counters/" + counter.id(), t.adminToken(),
                TestApp.js("{'meter_id':'" + other.id() + "'}"));

        assertThat(newEvents()).as("identity fields are ignored, equal values change nothing").isEmpty();
        for (Reply r : List.of(meterId, sameSector, counterMeter)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        assertThat(meterId.json().at("/data/_id").asText()).isEqualTo(meter.id().toString());
        assertThat(counterMeter.json().at("/data/meter_id").asText()).as("meter_id is derived").isEqualTo(meter.id().toString());
        assertThat(sameSector.json().at("/data/_updated_at").asText()).isEqualTo(meterId.json().at("/data/_updated_at").asText());
        assertThat(t.patch("/v1/metering/admin/meters/" + meter.id(), t.adminToken(), TestApp.js("{'sector':'water'}")).status())
                .isEqualTo(200);
        assertThat(types(newEvents())).containsExactly("io.metering.meter.updated");
    }

    @Test
    void typeFilterLimitAndPaging() {
        for (int day = 1; day <= 3; day++) {
            t.post("/v1/metering/reading", t.adminToken(), reading(Integer.toString(100 + day), "2024-06-0" + day + "T00:00:00Z"));
        }
        t.patch("/v1/metering/admin/counters/" + counter.id(), t.adminToken(), TestApp.js("{'title':'renamed'}"));

        JsonNode counters = t.get(FEED + "?after=" + cursor + "&type=io.metering.counter.updated,io.metering.meter.deleted",
                t.adminToken()).json();
        assertThat(counters.get("events")).hasSize(1);
        JsonNode firstTwo = t.get(FEED + "?after=" + cursor + "&limit=2", t.adminToken()).json();
        assertThat(firstTwo.get("events")).hasSize(2);
        JsonNode rest = t.get(FEED + "?after=" + firstTwo.get("next").asText() + "&limit=2", t.adminToken()).json();
        assertThat(rest.get("events")).hasSize(2);
        assertThat(rest.at("/events/1/type").asText()).isEqualTo("io.metering.counter.updated");
        assertThat(rest.at("/events/0/sequence").asText()).isGreaterThan(firstTwo.at("/events/1/sequence").asText());
    }

    @Test
    void anEmptyParameterIsRefusedLikeAnyOtherBadValue() {
        for (String query : List.of("after=", "limit=", "type=", "wait=", "after=%20")) {
            Reply r = t.get(FEED + "?" + query, t.adminToken());

            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.json().get("reason").asText()).as(query).isEqualTo("invalid_parameter");
        }
    }

    @Test
    void anotherOrganizationSeesNoneOfTheseEvents() {
        t.post("/v1/metering/reading", t.adminToken(), reading("100", "2024-06-02T00:00:00Z"));

        JsonNode other = t.get(FEED + "?limit=1000", t.adminToken(TestApp.OTHER_ORG)).json();
        other.get("events").forEach(e -> assertThat(e.get("organization").asText()).isEqualTo(TestApp.OTHER_ORG));
    }

    @Test
    void badParametersAre400AndPortalTokens403() {
        for (String query : List.of("after=xyz", "after=" + "0".repeat(31), "limit=0", "limit=1001", "wait=26", "wait=-1",
                "type=io.metering.reading.exploded")) {
            Reply r = t.get(FEED + "?" + query, t.adminToken());
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.json().get("reason").asText()).as(query).isEqualTo("invalid_parameter");
        }
        Reply ahead = t.get(FEED + "?after=7fffffffffffffff0000000000000000", t.adminToken());
        assertThat(ahead.status()).as(ahead.body()).isEqualTo(400);
        assertThat(ahead.json().get("reason").asText()).isEqualTo("invalid_parameter");
        assertThat(ahead.json().get("message").asText()).contains("is ahead of the feed");
        assertThat(t.get(FEED + "?wait=1&after=7fffffffffffffff0000000000000000", t.adminToken()).status()).as("nor waited on")
                .isEqualTo(400);
        for (String outOfRange : List.of("ffffffffffffffff0000000000000000", "8000000000000000ffffffffffffffff",
                "00000000000000018000000000000000")) {
            Reply r = t.get(FEED + "?after=" + outOfRange, t.adminToken());
            assertThat(r.status()).as(outOfRange).isEqualTo(400);
            assertThat(r.json().get("reason").asText()).isEqualTo("invalid_parameter");
            assertThat(r.json().get("message").asText()).as(outOfRange)
                    .contains("is not a cursor the feed returns").doesNotContain("32 lower-case hex digits");
        }
        assertThat(t.get(FEED, t.portalToken("contact-events")).status()).isEqualTo(403);
        assertThat(t.get(FEED, null).status()).isEqualTo(401);
    }

    @Test
    void aLongPollReturnsTheEventCommittedWhileItWaits() throws Exception {
        CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(
                () -> t.get(FEED + "?wait=15&after=" + cursor, t.adminToken()));
        // the request is waiting: nothing was written yet
        Thread.sleep(300);
        t.post("/v1/metering/reading", t.adminToken(), reading("100", "2024-06-02T00:00:00Z"));

        Reply answer = waiting.get(20, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("events")).hasSize(1);
        assertThat(answer.json().at("/events/0/type").asText()).isEqualTo("io.metering.reading.created");
    }

    @Test
    void aLongPollWithNothingNewEndsWithAnEmptyPageAndTheSameCursor() {
        Reply r = t.get(FEED + "?wait=1&after=" + cursor, t.adminToken());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("events")).isEmpty();
        assertThat(r.json().get("next").asText()).isEqualTo(cursor);
    }
}
