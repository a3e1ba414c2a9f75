package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The organization's review queues over the real app (docs/console.md "Queues"): pending changesets
 * oldest first and implausible readings newest first, filtered, paged by cursor, counted; and the
 * admin meter list's find-as-you-type {@code q}. Who may call them is in the access matrix.
 */
class QueueRoutesTest {
    private static final String CONTACT = "contact-queue";
    @RegisterExtension
    static final TestApp t = new TestApp();

    private static final String CHANGESETS = "/v1/metering/admin/changesets";
    private static final String IMPLAUSIBLE = "/v1/metering/admin/implausible-readings";

    private Meter governed() {
        return t.meter(Map.of("sector", "power", "customer", TestApp.relation(CONTACT),
                "reading_governance", Map.of("edit_mode", "approval")));
    }

    private void propose(Meter meter, Counter counter, String value, String timestamp) {
        Reply r = t.post("/v1/metering/reading", t.portalToken(CONTACT), TestApp.reading(meter, counter, value, "ECP", timestamp));
        assertThat(r.json().get("pending_changesets")).as(r.toString()).hasSize(1);
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> out = new ArrayList<>();
        page.get("data").forEach(item -> out.add(item.get(field).asText()));
        return out;
    }

    @Test
    void pendingChangesetsComePageByPageOldestFirstWithTheirCount() {
        Meter meter = governed();
        Counter counter = t.counter(meter, TestApp.FEED_OUT);
        propose(meter, counter, "10", "2024-06-01T00:00:00Z");
        propose(meter, counter, "20", "2024-06-02T00:00:00Z");
        propose(meter, counter, "30", "2024-06-03T00:00:00Z");
        String mine = CHANGESETS + "?meter_id=" + meter.id();

        JsonNode first = t.get(mine + "&size=2", t.adminToken()).json();
        assertThat(first.get("data")).hasSize(2);
        assertThat(first.get("count").asLong()).isEqualTo(3);
        assertThat(first.get("count_exact").asBoolean()).isTrue();
        JsonNode second = t.get(mine + "&size=2&cursor=" + first.get("next_cursor").asText(), t.adminToken()).json();
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.has("next_cursor")).isFalse();

        List<JsonNode> all = new ArrayList<>();
        first.get("data").forEach(all::add);
        second.get("data").forEach(all::add);
        assertThat(all).extracting(cs -> cs.get("proposed").get("value").decimalValue().toPlainString())
                .containsExactlyInAnyOrder("10", "20", "30");
        assertThat(all).extracting(cs -> cs.get("created_at").asText() + " " + cs.get("changeset_id").asText())
                .as("oldest first, then by id").isSorted();
        assertThat(all).allSatisfy(cs -> assertThat(cs.get("counter_id").asText()).isEqualTo(counter.id().toString()));

        assertThat(t.get(mine + "&source=ECP&size=0", t.adminToken()).json().get("count").asLong()).isEqualTo(3);
        assertThat(t.get(mine + "&source=ERP", t.adminToken()).json().get("data")).isEmpty();
        assertThat(t.get(CHANGESETS + "?counter_id=" + UUID.randomUUID(), t.adminToken()).json().get("count").asLong()).isZero();
        assertThat(t.get(mine + "&created_before=2000-01-01", t.adminToken()).json().get("data")).isEmpty();
        assertThat(t.get(CHANGESETS, t.adminToken()).json().get("count").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aReversedPeriodIsRefusedLikeGetReadingsByIntervalRefusesIt() {
        Reply implausible = t.get(IMPLAUSIBLE + "?start_date=2024-06-02&end_date=2024-06-01", t.adminToken());
        Reply changesets = t.get(CHANGESETS + "?created_from=2024-06-02&created_before=2024-06-01", t.adminToken());

        assertReason(implausible, 400, "invalid_parameter");
        assertThat(implausible.json().get("message").asText()).contains("start_date must not be after end_date");
        assertReason(t.get(IMPLAUSIBLE + "?start_date=2024-06-01T12:00:00Z&end_date=2024-06-01T11:59:59Z", t.adminToken()), 400,
                "invalid_parameter");
        assertReason(changesets, 400, "invalid_parameter");
        assertThat(changesets.json().get("message").asText()).contains("created_from must not be after created_before");
        assertThat(t.get(IMPLAUSIBLE + "?start_date=2024-06-01&end_date=2024-06-01", t.adminToken()).status())
                .as("one whole day").isEqualTo(200);
        assertThat(t.get(IMPLAUSIBLE + "?start_date=2024-06-01T12:00:00Z&end_date=2024-06-01T12:00:00Z", t.adminToken()).status())
                .as("one instant").isEqualTo(200);
        assertThat(t.get(CHANGESETS + "?created_from=2024-06-01&created_before=2024-06-01", t.adminToken()).status())
                .as("an empty period is not a reversed one").isEqualTo(200);
    }

    @Test
    void implausibleReadingsComeNewestFirstOrOldestFirst() {
        Meter meter = t.meter(Map.of("sector", "water"));
        Counter counter = t.counter(meter, TestApp.FEED_OUT);
        for (String[] r : new String[][] {{"5", "2024-05-01T00:00:00Z", "implausible"}, {"6", "2024-05-02T00:00:00Z", "valid"},
                {"7", "2024-05-03T00:00:00Z", "implausible"}}) {
            Reply stored = t.post("/v1/metering/reading?skip_validation=true", t.adminToken(), TestApp.reading(meter, counter, r[0], "ERP", r[1])
                    .replace("}", ",\"status\":\"" + r[2] + "\"}"));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        }
        String mine = IMPLAUSIBLE + "?meter_id=" + meter.id();

        JsonNode newest = t.get(mine, t.adminToken()).json();
        assertThat(ids(newest, "value")).containsExactly("7", "5");
        assertThat(ids(newest, "status")).containsOnly("implausible");
        assertThat(newest.get("count").asLong()).isEqualTo(2);
        assertThat(ids(t.get(mine + "&sort=asc", t.adminToken()).json(), "value")).containsExactly("5", "7");
        JsonNode page = t.get(mine + "&size=1", t.adminToken()).json();
        assertThat(ids(page, "value")).containsExactly("7");
        assertThat(ids(t.get(mine + "&size=1&cursor=" + page.get("next_cursor").asText(), t.adminToken()).json(), "value"))
                .containsExactly("5");
        assertThat(ids(t.get(mine + "&start_date=2024-05-02", t.adminToken()).json(), "value")).containsExactly("7");
        assertThat(ids(t.get(mine + "&end_date=2024-05-03", t.adminToken()).json(), "value")).as("a date-only end includes its day")
                .containsExactly("7", "5");
        assertThat(ids(t.get(mine + "&end_date=2024-05-02", t.adminToken()).json(), "value")).containsExactly("5");
        assertThat(ids(t.get(mine + "&start_date=2024-05-03&end_date=2024-05-03", t.adminToken()).json(), "value")).containsExactly("7");
        JsonNode countOnly = t.get(mine + "&size=0", t.adminToken()).json();
        assertThat(countOnly.get("data")).isEmpty();
        assertThat(countOnly.get("count").asLong()).isEqualTo(2);
    }

    @Test
    void badFiltersAndForeignCursorsAnswer400() {
        assertReason(t.get(CHANGESETS + "?cursor=not-a-cursor", t.adminToken()), 400, "invalid_parameter");
        Meter meter = t.meter(Map.of("sector", "water"));
        Counter counter = t.counter(meter, TestApp.FEED_OUT);
        for (String day : List.of("2024-05-01", "2024-05-02")) {
            t.post("/v1/metering/reading?skip_validation=true", t.adminToken(),
                    TestApp.reading(meter, counter, "1", "ERP", day + "T00:00:00Z").replace("}", ",\"status\":\"implausible\"}"));
        }
        String readingCursor = t.get(IMPLAUSIBLE + "?size=1&meter_id=" + meter.id(), t.adminToken()).json().get("next_cursor").asText();
        assertReason(t.get(CHANGESETS + "?cursor=" + readingCursor, t.adminToken()), 400, "invalid_parameter");
        Reply otherSort = t.get(IMPLAUSIBLE + "?sort=asc&size=1&meter_id=" + meter.id() + "&cursor=" + readingCursor, t.adminToken());
        assertReason(otherSort, 400, "invalid_parameter");
        assertThat(otherSort.json().get("message").asText()).contains("sort=desc");
        assertReason(t.get(IMPLAUSIBLE + "?meter_id=12", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(IMPLAUSIBLE + "?source=fax", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(IMPLAUSIBLE + "?size=1001", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(IMPLAUSIBLE + "?sort=up", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(CHANGESETS + "?created_from=yesterday", t.adminToken()), 400, "invalid_timestamp");
    }

    @Test
    void theMeterListFindsAsYouType() {
        Meter a = t.meter(Map.of("sector", "power", "ma_lo_id", "98765432101", "meter_number", "Q-1", "customer", TestApp.relation("c-find-1")));
        Meter b = t.meter(Map.of("sector", "gas", "ma_lo_id", "98700000000", "meter_number", "q-2"));

        assertThat(ids(t.get("/v1/metering/admin/meters?q=9876", t.adminToken()).json(), "_id")).containsExactly(a.id().toString());
        // both meters are created at the test clock's one instant: the list's order between them is the ids'
        assertThat(ids(t.get("/v1/metering/admin/meters?q=987", t.adminToken()).json(), "_id"))
                .containsExactlyInAnyOrder(a.id().toString(), b.id().toString());
        assertThat(ids(t.get("/v1/metering/admin/meters?q=Q-", t.adminToken()).json(), "_id"))
                .containsExactlyInAnyOrder(a.id().toString(), b.id().toString());
        assertThat(ids(t.get("/v1/metering/admin/meters?q=c-find-1", t.adminToken()).json(), "_id")).containsExactly(a.id().toString());
        assertThat(t.get("/v1/metering/admin/meters?q=987&size=1", t.adminToken()).json().get("hits").asLong()).isEqualTo(2);
    }
}
