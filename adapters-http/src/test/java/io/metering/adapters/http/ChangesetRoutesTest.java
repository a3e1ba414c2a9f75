package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changeset interception and the four changeset operations over the real app (docs/domain.md
 * "Changesets (governed edits)"), including the literal {@code :apply} / {@code :dismiss} suffixes
 * and body-less POSTs in axios's form content type.
 */
class ChangesetRoutesTest {
    private static final String CONTACT = "contact-governed";
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    /** A governed meter of the portal user with 100 stored on June 2nd (written directly). */
    @BeforeEach
    void governedMeter() {
        meter = t.meter(Map.of("sector", "power", "customer", TestApp.relation(CONTACT),
                "reading_governance", Map.of("edit_mode", "approval")));
        counter = t.counter(meter, TestApp.FEED_OUT);
        Reply stored = t.post("/v1/metering/reading?direct=true", t.adminToken(), reading("100", "2024-06-02T00:00:00Z", "360"));
        assertThat(stored.json().has("pending_changesets")).isFalse();
    }

    private String reading(String value, String timestamp, String source) {
        return TestApp.reading(meter, counter, value, source, timestamp);
    }

    /** A portal user's reading, which the governed meter turns into a changeset; its id. */
    private String propose(String value, String timestamp) {
        Reply r = t.post("/v1/metering/reading", t.portalToken(CONTACT), reading(value, timestamp, "ECP"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("pending_changesets").get(0).get("changeset_id").asText();
    }

    private String changesets() {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id() + "/changesets";
    }

    private JsonNode pending() {
        return t.get(changesets(), t.adminToken()).json().get("changesets");
    }

    private List<String> values() {
        return t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?size=-1", t.adminToken()).json().get("results")
                .findValuesAsText("value");
    }

    // ------------------------------------------------------------------ interception and getReadingChangesets

    @Test
    void aPortalWriteOnAGovernedMeterBecomesAPendingChangesetAndTheSeriesStays() {
        String id = propose("150.5", "2024-06-03T00:00:00Z");

        assertThat(values()).containsExactly("100");
        Reply listed = t.get(changesets(), t.portalToken(CONTACT));
        assertThat(listed.status()).isEqualTo(200);
        JsonNode cs = listed.json().get("changesets").get(0);
        assertThat(cs.get("changeset_id").asText()).isEqualTo(id);
        assertThat(cs.get("meter_id").asText()).isEqualTo(meter.id().toString());
        assertThat(cs.get("counter_id").asText()).isEqualTo(counter.id().toString());
        assertThat(cs.get("proposed").get("value").decimalValue()).isEqualByComparingTo("150.5");
        assertThat(cs.get("edit_mode").asText()).isEqualTo("approval");
        assertThat(cs.get("source").asText()).isEqualTo("ECP");
        assertThat(cs.has("dismissed_at")).isFalse();

        JsonNode mine = null;
        for (JsonNode m : t.get("/v1/metering/meter?include_pending_changesets=true", t.portalToken(CONTACT)).json().get("data")) {
            mine = m.get("_id").asText().equals(meter.id().toString()) ? m : mine;
        }
        assertThat(mine).as("the portal user's governed meter").isNotNull();
        assertThat(mine.get("pending_changesets").get(0).get("changeset_id").asText()).isEqualTo(id);
        JsonNode page = t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?include_pending_changesets=true",
                t.adminToken()).json();
        assertThat(page.get("pending_changesets")).hasSize(1);
        assertThat(page.get("hits").asLong()).isEqualTo(1);
    }

    @Test
    void listingNeedsAReachableCounter() {
        assertReason(t.get(changesets(), t.portalToken("someone-else")), 404, "not_found");
        assertReason(t.get("/v1/metering/reading/" + meter.id() + "/" + UUID.randomUUID() + "/changesets", t.adminToken()), 404,
                "not_found");
        assertReason(t.get(changesets(), null), 401, "unauthorized");
        assertThat(pending()).isEmpty();
    }

    // ------------------------------------------------------------------ updateReadingChangeset

    @Test
    void aProposalsTextFieldSentAsANumberIsRefused() {
        String id = propose("150", "2024-06-03T00:00:00Z");
        Reply r = t.patch(changesets() + "/" + id, t.adminToken(), js("{'proposed':{'remark':42}}"));
        assertReason(r, 400, "invalid_parameter");
        assertThat(r.json().get("message").asText()).contains("remark must be a string");
    }

    @Test
    void patchEditsTheProposalWithoutTouchingTheSeries() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        Reply r = t.patch(changesets() + "/" + id, t.adminToken(), js("{'proposed':{'value':149.75,'remark':'checked by phone'}}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("changeset_id").asText()).isEqualTo(id);
        assertThat(r.json().get("proposed").get("value").decimalValue()).isEqualByComparingTo("149.75");
        assertThat(r.json().get("proposed").get("remark").asText()).isEqualTo("checked by phone");
        assertThat(r.json().get("proposed").get("timestamp").asText()).as("kept").isEqualTo("2024-06-03T00:00:00.000Z");
        assertThat(pending().get(0).get("proposed").get("value").decimalValue()).isEqualByComparingTo("149.75");
        assertThat(values()).containsExactly("100");
    }

    @Test
    void patchErrorReasons() {
        String id = propose("150", "2024-06-03T00:00:00Z");
        String path = changesets() + "/" + id;

        assertReason(t.send("PATCH", path, t.adminToken(), FORM, null), 400, "missing_params");
        assertReason(t.patch(path, t.adminToken(), "{}"), 400, "missing_params");
        assertReason(t.patch(path, t.adminToken(), js("{'proposed':{}}")), 400, "missing_params");
        assertReason(t.patch(path, t.adminToken(), js("{'proposed':{'value':-1}}")), 400, "negative_value");
        assertReason(t.patch(path, t.adminToken(), js("{'proposed':{'value':'1'}}")), 400, "invalid_value");
        assertReason(t.patch(path, t.adminToken(), js("{'proposed':{'timestamp':'2024-07-01T00:00:00Z'}}")), 400, "timestamp_future");
        assertReason(t.patch(path, t.adminToken(), js("{'proposed':{'direction':'feed-in'}}")), 400, "direction_mismatch");
        assertReason(t.patch(path, t.adminToken(), js("{'proposed':{'status':'great'}}")), 400, "invalid_parameter");
        assertReason(t.patch(changesets() + "/" + UUID.randomUUID(), t.adminToken(), js("{'proposed':{'value':1}}")), 404, "not_found");
        assertReason(t.patch(changesets() + "/not-an-id", t.adminToken(), js("{'proposed':{'value':1}}")), 404, "not_found");
        assertReason(t.patch(path, t.portalToken(CONTACT), js("{'proposed':{'value':1}}")), 403, "forbidden_option");
        assertThat(pending().get(0).get("proposed").get("value").asInt()).isEqualTo(150);
    }

    // ------------------------------------------------------------------ applyReadingChangeset

    @Test
    void applyWritesTheProposalAndRemovesTheChangeset() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        Reply r = t.post(changesets() + "/" + id + ":apply", t.adminToken(), null);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("reading").get("value").asInt()).isEqualTo(150);
        assertThat(r.json().get("reading").get("timestamp").asText()).isEqualTo("2024-06-03T00:00:00.000Z");
        assertThat(r.json().get("changeset").get("changeset_id").asText()).isEqualTo(id);
        assertThat(values()).containsExactly("100", "150");
        assertThat(pending()).isEmpty();
        assertReason(t.post(changesets() + "/" + id + ":apply", t.adminToken(), null), 404, "not_found");
    }

    @Test
    void anApplyThatBreaksTheOrderAnswers400AndTheChangesetStays() {
        String id = propose("150", "2024-06-03T00:00:00Z");
        t.patch(changesets() + "/" + id, t.adminToken(), js("{'proposed':{'value':50}}"));

        Reply r = t.post(changesets() + "/" + id + ":apply", t.adminToken(), null);

        assertReason(r, 400, "less_than_previous");
        assertThat(values()).containsExactly("100");
        assertThat(pending()).hasSize(1);
    }

    @Test
    void applyAndDismissAreForAdminsOnly() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        assertReason(t.post(changesets() + "/" + id + ":apply", t.portalToken(CONTACT), null), 403, "forbidden_option");
        assertReason(t.post(changesets() + "/" + id + ":dismiss", t.portalToken(CONTACT), null), 403, "forbidden_option");
        assertReason(t.post(changesets() + "/" + id + ":apply", null, null), 401, "unauthorized");
        assertThat(pending()).hasSize(1);
    }

    // ------------------------------------------------------------------ dismissReadingChangeset

    @Test
    void dismissEchoesTheReasonAndRemovesTheChangeset() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        Reply r = t.post(changesets() + "/" + id + ":dismiss", t.adminToken(), js("{'reason':'photo shows 105'}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("changeset_id").asText()).isEqualTo(id);
        assertThat(r.json().get("proposed").get("value").asInt()).isEqualTo(150);
        assertThat(r.json().get("dismissed_reason").asText()).isEqualTo("photo shows 105");
        assertThat(r.json().get("dismissed_at").asText()).isEqualTo("2024-06-15T10:00:00.000Z");
        assertThat(pending()).isEmpty();
        assertThat(values()).containsExactly("100");
        assertReason(t.post(changesets() + "/" + id + ":dismiss", t.adminToken(), null), 404, "not_found");
    }

    @Test
    void dismissRefusesAnOverlongReason() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        assertReason(t.post(changesets() + "/" + id + ":dismiss", t.adminToken(), "{\"reason\":\"" + "x".repeat(1001) + "\"}"), 400,
                "invalid_parameter");
        assertThat(pending()).hasSize(1);
    }

    @Test
    void dismissRefusesAReasonThatIsNoText() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        Reply r = t.post(changesets() + "/" + id + ":dismiss", t.adminToken(), "{\"reason\":5}");

        assertReason(r, 400, "invalid_parameter");
        assertThat(r.json().get("message").asText()).contains("reason must be a string");
        assertThat(pending()).as("the changeset stays").hasSize(1);
    }

    // ------------------------------------------------------------------ the action segment and body-less POSTs

    @Test
    void bodylessPostsInAxiosFormContentTypeWork() {
        String applied = propose("150", "2024-06-03T00:00:00Z");
        String dismissed = propose("160", "2024-06-04T00:00:00Z");

        Reply apply = t.send("POST", changesets() + "/" + applied + ":apply", t.adminToken(), FORM, null);
        Reply dismiss = t.send("POST", changesets() + "/" + dismissed + ":dismiss", t.adminToken(), FORM, null);

        assertThat(apply.status()).as(apply.toString()).isEqualTo(200);
        assertThat(dismiss.status()).as(dismiss.toString()).isEqualTo(200);
        assertThat(dismiss.json().has("dismissed_reason")).isFalse();
        assertThat(dismiss.json().get("dismissed_at").asText()).isNotBlank();
        assertThat(pending()).isEmpty();
    }

    @Test
    void anEmptyJsonBodyIsNoBodyAndAFormBodyIsRefused() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        assertReason(t.send("POST", changesets() + "/" + id + ":dismiss", t.adminToken(), FORM, "reason=x"), 415, "unsupported_media_type");
        assertReason(t.send("POST", changesets() + "/" + id + ":dismiss", t.adminToken(), "application/json", "{\"reason\":"), 400,
                "invalid_body");
        assertThat(t.send("POST", changesets() + "/" + id + ":dismiss", t.adminToken(), "application/json", "").status()).isEqualTo(200);
    }

    @Test
    void aPercentEncodedColonWorksToo() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        Reply r = t.post(changesets() + "/" + id + "%3Aapply", t.adminToken(), null);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(values()).containsExactly("100", "150");
    }

    @Test
    void unknownActionsAnswer404LikeUnknownRoutes() {
        String id = propose("150", "2024-06-03T00:00:00Z");

        assertReason(t.post(changesets() + "/" + id + ":approve", t.adminToken(), null), 404, "not_found");
        assertReason(t.post(changesets() + "/" + id + ":approve", null, null), 404, "not_found");
        assertReason(t.post(changesets() + "/" + id, t.adminToken(), null), 404, "not_found");
        assertReason(t.post(changesets() + "/" + id + ":", t.adminToken(), null), 404, "not_found");
        assertReason(t.patch(changesets() + "/" + id + ":apply", t.adminToken(), js("{'proposed':{'value':1}}")), 404, "not_found");
        assertReason(t.post(changesets() + "/not-an-id:apply", t.adminToken(), null), 404, "not_found");
        assertThat(pending()).hasSize(1);
    }

    // ------------------------------------------------------------------ governance settings

    @Test
    void governanceSettingsRoundTripInTheMeterJson() {
        Reply set = t.patch("/v1/metering/admin/meters/" + meter.id(), t.adminToken(), js("{'reading_governance':{'edit_mode':'external',"
                + "'match_strategy':'fuzzy','fuzzy_config':{'percentage_threshold':0.02,'absolute_threshold':5},"
                + "'timestamp_tolerance':{'type':'within-seconds','seconds':90}}}"));

        String expected = js("{'edit_mode':'external','match_strategy':'fuzzy','fuzzy_config':{'percentage_threshold':0.02,"
                + "'absolute_threshold':5},'timestamp_tolerance':{'type':'within-seconds','seconds':90}}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("data").get("reading_governance").toString()).isEqualTo(expected);
        assertThat(t.get("/v1/metering/admin/meters/" + meter.id(), t.adminToken()).json().get("data").get("reading_governance").toString())
                .isEqualTo(expected);
        assertThat(t.get("/v1/metering/meter/" + meter.id(), t.portalToken(CONTACT)).json().get("data").get("entity")
                .get("reading_governance").get("edit_mode").asText()).isEqualTo("external");
        assertReason(t.patch("/v1/metering/admin/meters/" + meter.id(), t.adminToken(),
                js("{'reading_governance':{'edit_mode':'external','timestamp_tolerance':{'type':'same-day','timezone':'Mars/Olympus'}}}")),
                400, "invalid_parameter");
        assertReason(t.patch("/v1/metering/meter/" + meter.id(), t.portalToken(CONTACT), js("{'reading_governance':null}")), 403,
                "forbidden_option");
    }
}
