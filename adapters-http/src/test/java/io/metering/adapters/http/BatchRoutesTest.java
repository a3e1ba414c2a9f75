package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** batchWriteMeterReadings (v2) and pruneMeterReadings over the real app (docs/domain.md#batch-v2-and-prune). */
class BatchRoutesTest {
    private static final String BATCH = "/v2/metering/readings";
    private static final String PRUNE = "/v2/metering/readings/prune";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    @BeforeEach
    void freshMeter() {
        meter = t.meter(Map.of("sector", "power"));
        counter = t.counter(meter, TestApp.FEED_OUT);
    }

    /** A create/update item of the test counter; {@code extra} is more JSON members, e.g. {@code 'external_id':'e1'}. */
    private String item(String operation, String value, String timestamp, String extra) {
        return js("{'operation':'" + operation + "','meter_id':'" + meter.id() + "','counter_id':'" + counter.id() + "','value':" + value
                + ",'source':'ERP','timestamp':'" + timestamp + "'" + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    private static String batch(String identifiers, String... items) {
        return "{" + (identifiers == null ? "" : "\"identifiers\":" + js(identifiers) + ",") + "\"readings\":[" + String.join(",", items) + "]}";
    }

    private Reply write(String body) {
        return t.post(BATCH, t.adminToken(), body);
    }

    /** The stored series as {@code day=value[/external_id]}, oldest first. */
    private List<String> series(Counter c) {
        List<String> out = new ArrayList<>();
        t.get("/v1/metering/reading/" + meter.id() + "/" + c.id() + "?size=-1", t.adminToken()).json().get("results").forEach(r -> out.add(
                r.get("timestamp").asText().substring(0, 10) + "=" + r.get("value").asText()
                        + (r.has("external_id") ? "/" + r.get("external_id").asText() : "")));
        return out;
    }

    // ------------------------------------------------------------------ batchWriteMeterReadings

    @Test
    void createUpsertsByTheDefaultIdentity() {
        Reply first = write(batch(null, item("create", "100", "2024-06-01T00:00:00Z", "")));
        Reply again = write(batch(null, item("create", "101.5", "2024-06-01T00:00:00Z", ""), item("create", "110", "2024-06-02T00:00:00Z", "")));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("data")).hasSize(2);
        assertThat(again.json().get("data").get(0).get("value").decimalValue()).isEqualByComparingTo("101.5");
        assertThat(series(counter)).containsExactly("2024-06-01=101.5", "2024-06-02=110");
    }

    /**
     * The contract requires {@code source} on create and update items (CreateOrUpdateBatchReading) and on
     * updateMeterReading (UpdateMeterReading): it is not kept from the stored reading as the optional
     * fields are, and its absence is named.
     */
    @Test
    void anUpdateWithoutSourceIsRefusedNamingTheField() {
        assertThat(write(batch(null, item("create", "100", "2024-06-01T00:00:00Z", ""))).status()).isEqualTo(200);
        String noSource = js("{'operation':'update','meter_id':'" + meter.id() + "','counter_id':'" + counter.id()
                + "','value':101,'timestamp':'2024-06-01T00:00:00Z'}");

        Reply v2 = write(batch(null, noSource));
        Reply put = t.put("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?timestamp=2024-06-01T00:00:00Z", t.adminToken(),
                js("{'value':101,'meter_id':'" + meter.id() + "'}"));

        assertReason(v2, 400, "missing_params");
        assertThat(v2.json().get("message").asText()).isEqualTo("readings[0]: source is required");
        assertReason(put, 400, "missing_params");
        assertThat(put.json().get("message").asText()).isEqualTo("source is required");
        assertThat(series(counter)).containsExactly("2024-06-01=100");
    }

    @Test
    void operationLeftOutMeansCreate() {
        String noOperation = js("{'meter_id':'" + meter.id() + "','value':7,'source':'360','timestamp':'2024-06-01T00:00:00Z'}");

        assertThat(write(batch(null, noOperation)).status()).isEqualTo(200);
        assertThat(series(counter)).containsExactly("2024-06-01=7");
    }

    @Test
    void updateReplacesAndDeleteAnswersTheFullDeletedReadingInRequestOrder() {
        write(batch(null, item("create", "100", "2024-06-01T00:00:00Z", "'external_id':'e1','remark':'first'"),
                item("create", "110", "2024-06-02T00:00:00Z", "'external_id':'e2'")));

        Reply r = write(batch(null, item("update", "111", "2024-06-02T00:00:00Z", "'external_id':'e2'"),
                js("{'operation':'delete','meter_id':'" + meter.id() + "','counter_id':'" + counter.id() + "','direction':'feed-out','timestamp':'2024-06-01T00:00:00Z'}")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.get(0).get("value").asInt()).isEqualTo(111);
        assertThat(data.get(1).get("value").asInt()).as("the deleted reading, as it was").isEqualTo(100);
        assertThat(data.get(1).get("external_id").asText()).isEqualTo("e1");
        assertThat(data.get(1).get("remark").asText()).isEqualTo("first");
        assertThat(data.get(1).get("timestamp").asText()).isEqualTo("2024-06-01T00:00:00.000Z");
        assertThat(series(counter)).containsExactly("2024-06-02=111/e2");
    }

    @Test
    void anUpdateKeepsTheOptionalFieldsItLeavesOutAndSetsThoseItSends() {
        write(batch(null, item("create", "16950", "2024-06-01T00:00:00Z",
                "'external_id':'e1','metadata':{'a':'1','b':'2'},'remark':'first','note':'n','read_by':'Jane','reason':'regular'")));

        Reply r = write(batch("['metadata.a']", js("{'operation':'update','meter_id':'" + meter.id() + "','value':16951,"
                + "'source':'ERP','metadata':{'a':'1'}}")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode stored = t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?size=-1", t.adminToken()).json()
                .get("results").get(0);
        assertThat(stored.get("value").asInt()).isEqualTo(16951);
        assertThat(stored.get("external_id").asText()).isEqualTo("e1");
        assertThat(stored.get("remark").asText()).isEqualTo("first");
        assertThat(stored.get("note").asText()).isEqualTo("n");
        assertThat(stored.get("read_by").asText()).isEqualTo("Jane");
        assertThat(stored.get("reason").asText()).isEqualTo("regular");
        assertThat(stored.get("timestamp").asText()).isEqualTo("2024-06-01T00:00:00.000Z");
        // metadata was sent, so it is set as sent (a whole map, not merged key by key)
        assertThat(stored.get("metadata").size()).isEqualTo(1);

        // an explicit null clears a nullable field; a create matching the stored reading keeps what it leaves out
        Reply cleared = write(batch(null, item("create", "16952", "2024-06-01T00:00:00Z", "'remark':null")));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        JsonNode after = cleared.json().get("data").get(0);
        assertThat(after.has("remark")).as(cleared.toString()).isFalse();
        assertThat(after.get("external_id").asText()).isEqualTo("e1");
        assertThat(after.get("read_by").asText()).isEqualTo("Jane");
        assertThat(after.get("metadata").get("a").asText()).isEqualTo("1");
    }

    @Test
    void updateAndDeleteOfNothingAreNotFound() {
        Reply update = write(batch(null, item("update", "1", "2024-06-01T00:00:00Z", "")));
        Reply delete = write(batch("['external_id']", js("{'operation':'delete','external_id':'nope'}")));

        assertReason(update, 404, "not_found");
        assertThat(update.json().get("message").asText()).startsWith("readings[0]");
        assertReason(delete, 404, "not_found");
    }

    @Test
    void identifiersByExternalIdFindAndMoveTheStoredReading() {
        write(batch("['external_id']", item("create", "100", "2024-06-01T00:00:00Z", "'external_id':'erp-1'")));

        Reply moved = write(batch("['external_id']", item("create", "105", "2024-06-02T00:00:00Z", "'external_id':'erp-1'")));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(series(counter)).containsExactly("2024-06-02=105/erp-1");
        Reply deleted = write(batch("['external_id']", js("{'operation':'delete','external_id':'erp-1'}")));
        assertThat(deleted.json().get("data").get(0).get("value").asInt()).isEqualTo(105);
        assertThat(series(counter)).isEmpty();
    }

    @Test
    void identifiersByMetadataKeys() {
        String meta1 = "'metadata':{'registration_id':'r-1','business_unit':'north'}";
        String meta2 = "'metadata':{'registration_id':'r-1','business_unit':'south'}";
        write(batch("['metadata.registration_id','metadata.business_unit']", item("create", "100", "2024-06-01T00:00:00Z", meta1),
                item("create", "200", "2024-06-02T00:00:00Z", meta2)));

        Reply r = write(batch("['metadata.registration_id','metadata.business_unit']",
                item("update", "150", "2024-06-01T12:00:00Z", meta1)));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(series(counter)).containsExactly("2024-06-01=150", "2024-06-02=200");
        assertReason(write(batch("['metadata.registration_id']", js("{'operation':'delete','metadata':{'registration_id':'r-1'}}"))), 400,
                "multiple_readings_found");
    }

    @Test
    void unusableIdentifiersAreInvalidIdentifiers() {
        String one = item("create", "1", "2024-06-01T00:00:00Z", "'external_id':'x'");

        assertReason(write(batch("['serial_number']", one)), 400, "invalid_identifiers");
        assertReason(write(batch("['metadata.']", one)), 400, "invalid_identifiers");
        assertReason(write(batch("'external_id'", one)), 400, "invalid_identifiers");
        assertReason(write(batch("[1]", one)), 400, "invalid_identifiers");
        assertReason(write(batch("[null]", one)), 400, "invalid_identifiers");
        assertThat(series(counter)).isEmpty();
    }

    @Test
    void moreThanOneMatchIsMultipleReadingsFound() {
        write(batch(null, item("create", "100", "2024-06-01T00:00:00Z", "'external_id':'dup'"),
                item("create", "110", "2024-06-02T00:00:00Z", "'external_id':'dup'")));

        Reply r = write(batch("['external_id']", item("update", "120", "2024-06-03T00:00:00Z", "'external_id':'dup'")));

        assertReason(r, 400, "multiple_readings_found");
        assertThat(r.json().get("message").asText()).startsWith("readings[0]");
        assertThat(series(counter)).hasSize(2);
    }

    @Test
    void oneFailingItemLeavesNothingStored() {
        write(batch(null, item("create", "100", "2024-06-01T00:00:00Z", "")));

        Reply r = write(batch(null, item("create", "120", "2024-06-03T00:00:00Z", ""), item("delete", "0", "2024-06-01T00:00:00Z", ""),
                item("create", "90", "2024-06-04T00:00:00Z", "")));

        assertReason(r, 400, "less_than_previous");
        assertThat(r.json().get("message").asText()).startsWith("readings[2]");
        assertThat(series(counter)).containsExactly("2024-06-01=100");
    }

    @Test
    void theWriteRulesAndTheLimitsApply() {
        String many = IntStream.range(0, 101).mapToObj(i -> item("create", String.valueOf(i),
                Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofHours(i)).toString(), "")).collect(Collectors.joining(","));

        assertReason(write(batch(null, many)), 400, "too_many_records");
        assertReason(write(batch(null)), 400, "missing_params");
        assertReason(write("{}"), 400, "missing_params");
        assertReason(write(batch(null, item("create", "1", "2024-06-20T00:00:00Z", ""))), 400, "timestamp_future");
        assertReason(write(batch(null, item("create", "1", "2024-06-01T00:00:00Z", ""), item("create", "2", "2024-06-01T00:00:00Z", ""))), 400,
                "duplicate_reading");
        assertReason(write(batch(null, item("upsert", "1", "2024-06-01T00:00:00Z", ""))), 400, "invalid_parameter");
        assertReason(write(batch("['external_id']", js("{'operation':'delete'}"))), 400, "missing_params");
        assertReason(write(batch(null, js("{'meter_id':'" + UUID.randomUUID() + "','value':1,'source':'ERP'}"))), 404, "not_found");
        assertReason(write(batch(null, "null")), 400, "invalid_body");
        assertReason(write(batch(null, item("create", "1", "2024-06-01T00:00:00Z", "'metadata':{'a':null}"))), 400, "invalid_parameter");
        assertThat(series(counter)).isEmpty();
    }

    @Test
    void isForAdminsOnlyAndReadsItsOptionsStrictly() {
        String body = batch(null, item("create", "1", "2024-06-01T00:00:00Z", ""));

        assertReason(t.post(BATCH, t.portalToken("contact-1"), body), 403, "forbidden_option");
        assertReason(t.post(BATCH + "?skip_validation=perhaps", t.adminToken(), body), 400, "invalid_parameter");
        assertThat(t.post(BATCH + "?async=false&create_ticket=false&activity_id=01F130Q52Q6MWSNS8N2AVXV4JN", t.adminToken(), body).status())
                .isEqualTo(200);
    }

    @Test
    void onAGovernedMeterNonDirectItemsBecomeChangesets() {
        t.govern(meter, Map.of("edit_mode", "approval"));
        String viaApp = item("create", "42", "2024-06-01T00:00:00Z", "").replace("ERP", "360");

        Reply r = write(batch(null, viaApp));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("data").get(0).get("value").asInt()).as("the proposal").isEqualTo(42);
        assertThat(r.json().get("pending_changesets")).hasSize(1);
        assertThat(series(counter)).isEmpty();
        Reply erp = write(batch(null, item("create", "42", "2024-06-01T00:00:00Z", "")));
        assertThat(erp.json().has("pending_changesets")).as("source ERP is direct").isFalse();
        assertThat(series(counter)).containsExactly("2024-06-01=42");
    }

    // ------------------------------------------------------------------ pruneMeterReadings

    /**
     * Counter A: erp-1..erp-3 (ERP), app-1 (360), one ERP and one 360 reading without external id;
     * counter B: erp-4 (ERP).
     */
    private Counter seedForPrune() {
        Counter b = t.counter(meter, Map.of("obis_number", "1-0:2.8.0", "direction", "feed-in"));
        String bItem = js("{'meter_id':'" + meter.id() + "','counter_id':'" + b.id() + "','value':5,'source':'ERP','external_id':'erp-4',"
                + "'timestamp':'2024-06-01T00:00:00Z'}");
        Reply r = write(batch(null, item("create", "1", "2024-06-01T00:00:00Z", "'external_id':'erp-1'"),
                item("create", "2", "2024-06-02T00:00:00Z", "'external_id':'erp-2'"),
                item("create", "3", "2024-06-03T00:00:00Z", "'external_id':'erp-3'"),
                item("create", "4", "2024-06-04T00:00:00Z", "'external_id':'app-1'").replace("ERP", "360"),
                item("create", "5", "2024-06-05T00:00:00Z", ""),
                item("create", "6", "2024-06-06T00:00:00Z", "").replace("ERP", "360"),
                bItem));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return b;
    }

    private Reply prune(String query, String body) {
        return t.post(PRUNE + query, t.adminToken(), body);
    }

    private static JsonNode counts(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("data");
    }

    @Test
    void pruneWithoutSourceKeepsReadingsWithoutExternalId() {
        Counter b = seedForPrune();

        JsonNode data = counts(prune("", js("{'meter_id':'" + meter.id() + "','keep_external_ids':['erp-2']}")));

        assertThat(data.get("deleted_count").asLong()).as("erp-1, erp-3, app-1 and erp-4").isEqualTo(4);
        assertThat(data.get("kept_count").asLong()).as("erp-2 and the two without external id").isEqualTo(3);
        assertThat(series(counter)).containsExactly("2024-06-02=2/erp-2", "2024-06-05=5", "2024-06-06=6");
        assertThat(series(b)).isEmpty();
    }

    @Test
    void pruneWithSourceAndCounterNarrowsTheScopeAndDeletesReadingsWithoutExternalId() {
        Counter b = seedForPrune();

        JsonNode data = counts(prune("", js("{'meter_id':'" + meter.id() + "','counter_id':'" + counter.id()
                + "','source':'ERP','keep_external_ids':['erp-1']}")));

        assertThat(data.get("deleted_count").asLong()).as("erp-2, erp-3 and the ERP reading without external id").isEqualTo(3);
        assertThat(data.get("kept_count").asLong()).isEqualTo(1);
        assertThat(series(counter)).containsExactly("2024-06-01=1/erp-1", "2024-06-04=4/app-1", "2024-06-06=6");
        assertThat(series(b)).as("another counter is out of scope").hasSize(1);
    }

    @Test
    void pruneRefusesAKeptExternalIdThatIsNoTextAndDeletesNothing() {
        Counter b = seedForPrune();

        for (String ids : new String[] {"[5]", "[true]", "['erp-2',1.5]"}) {
            Reply r = prune("", js("{'meter_id':'" + meter.id() + "','keep_external_ids':" + ids + "}"));
            assertReason(r, 400, "invalid_parameter");
            assertThat(r.json().get("message").asText()).as(ids).contains("keep_external_ids").contains("must be a string");
        }
        assertThat(series(counter)).hasSize(6);
        assertThat(series(b)).hasSize(1);
        // external ids are the organization's: the other tests' erp-1 must not find these
        assertThat(counts(prune("", js("{'meter_id':'" + meter.id() + "','keep_external_ids':[]}"))).get("deleted_count").asLong())
                .isEqualTo(5);
    }

    @Test
    void aDryRunCountsWhatTheRealRunDeletesAndDeletesNothing() {
        seedForPrune();
        String body = js("{'meter_id':'" + meter.id() + "','source':'ERP','keep_external_ids':[]}");

        JsonNode dry = counts(prune("?dry_run=true", body));
        assertThat(series(counter)).hasSize(6);
        JsonNode real = counts(prune("?dry_run=false&async=true&create_ticket=false&activity_id=x", body));

        assertThat(dry.get("deleted_count").asLong()).isEqualTo(5).isEqualTo(real.get("deleted_count").asLong());
        assertThat(dry.get("kept_count").asLong()).isEqualTo(real.get("kept_count").asLong());
        assertThat(series(counter)).containsExactly("2024-06-04=4/app-1", "2024-06-06=6");
    }

    @Test
    void pruneRefusesBadRequests() {
        // short ids, so that 10,001 of them stay below the test app's 64 KiB body limit
        String keep = IntStream.range(0, 10_001).mapToObj(i -> "\"" + Integer.toString(i, 36) + "\"").collect(Collectors.joining(",", "[", "]"));

        assertReason(prune("", "{\"meter_id\":\"" + meter.id() + "\",\"keep_external_ids\":" + keep + "}"), 400, "too_many_records");
        assertReason(prune("", js("{'meter_id':'" + meter.id() + "'}")), 400, "missing_params");
        assertReason(prune("", js("{'keep_external_ids':[]}")), 400, "missing_params");
        assertReason(prune("", js("{'meter_id':'nope','keep_external_ids':[]}")), 400, "invalid_parameter");
        assertReason(prune("", js("{'meter_id':'" + meter.id() + "','source':'fax','keep_external_ids':[]}")), 400, "invalid_parameter");
        assertReason(prune("", js("{'meter_id':'" + meter.id() + "','keep_external_ids':'all'}")), 400, "invalid_body");
        assertReason(prune("", js("{'meter_id':'" + meter.id() + "','keep_external_ids':[null]}")), 400, "invalid_parameter");
        assertReason(prune("?dry_run=maybe", js("{'meter_id':'" + meter.id() + "','keep_external_ids':[]}")), 400, "invalid_parameter");
        assertReason(prune("", js("{'meter_id':'" + UUID.randomUUID() + "','keep_external_ids':[]}")), 404, "not_found");
        assertReason(prune("", js("{'meter_id':'" + meter.id() + "','counter_id':'" + UUID.randomUUID() + "','keep_external_ids':[]}")), 404,
                "not_found");
        assertReason(t.post(PRUNE, t.portalToken("contact-1"), js("{'meter_id':'" + meter.id() + "','keep_external_ids':[]}")), 403,
                "forbidden_option");
    }
}
