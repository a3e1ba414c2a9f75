package io.metering.adapters.http;

import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Auto-clear over the real app (docs/domain.md#changesets): a direct write ({@code direct=true} or
 * source ERP) that matches a pending changeset clears it; matching is exact or fuzzy, with exact,
 * same-day (in a zone) or within-seconds timestamp tolerance.
 */
class AutoClearRoutesTest {
    private static final String CONTACT = "contact-auto-clear";
    @RegisterExtension
    static final TestApp t = new TestApp();

    /** A meter of the portal user, governed as given, with one feed-out counter. */
    private record Governed(Meter meter, Counter counter) {
        String reading(String value, String timestamp, String source) {
            return js("{'meter_id':'" + meter.id() + "','counter_id':'" + counter.id() + "','value':" + value + ",'source':'" + source
                    + "','timestamp':'" + timestamp + "'}");
        }

        /** The portal user's reading, held as a pending changeset. */
        void propose(String value, String timestamp) {
            Reply r = t.post("/v1/metering/reading", t.portalToken(CONTACT), reading(value, timestamp, "ECP"));
            assertThat(r.json().get("pending_changesets")).as(r.toString()).hasSize(1);
        }

        /** The system of record's reading (source ERP): stored, whether or not it confirms a changeset. */
        void erpWrites(String value, String timestamp) {
            Reply r = t.post("/v1/metering/reading", t.adminToken(), reading(value, timestamp, "ERP"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().has("pending_changesets")).isFalse();
        }

        int pending() {
            return t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "/changesets", t.adminToken()).json()
                    .get("changesets").size();
        }

        /** Proposes, lets the ERP write, and tells whether the proposal was cleared. */
        boolean clears(String proposed, String proposedAt, String written, String writtenAt) {
            int before = pending();
            propose(proposed, proposedAt);
            erpWrites(written, writtenAt);
            return pending() == before;
        }
    }

    /** Numbers in {@code governance} are BigDecimals, as the JSON layer hands them to the use cases. */
    private static Governed governed(Map<String, Object> governance) {
        Meter m = t.meter(Map.of("sector", "power", "customer", TestApp.relation(CONTACT),
                "reading_governance", governance));
        return new Governed(m, t.counter(m, TestApp.FEED_OUT));
    }

    @Test
    void exactMatchingNeedsTheSameValueAndInstant() {
        Governed g = governed(Map.of("edit_mode", "external", "match_strategy", "exact"));

        assertThat(g.clears("150", "2024-02-01T10:00:00Z", "150.000", "2024-02-01T10:00:00.000Z")).isTrue();
        assertThat(g.clears("200", "2024-03-01T10:00:00Z", "200.001", "2024-03-01T10:00:00Z")).isFalse();
        assertThat(g.clears("300", "2024-04-01T10:00:00Z", "300", "2024-04-01T10:00:00.001Z")).isFalse();
    }

    @Test
    void directTrueConfirmsAndAPlainAdminWriteDoesNot() {
        Governed g = governed(Map.of("edit_mode", "approval"));
        g.propose("150", "2024-02-01T10:00:00Z");

        Reply plain = t.post("/v1/metering/reading", t.adminToken(), g.reading("150", "2024-02-01T10:00:00Z", "360"));
        assertThat(plain.json().get("pending_changesets")).as("itself intercepted").hasSize(1);
        assertThat(g.pending()).isEqualTo(2);

        Reply direct = t.post("/v1/metering/readings?direct=true", t.adminToken(),
                "{\"readings\":[" + g.reading("150", "2024-02-01T10:00:00Z", "360") + "]}");
        assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
        assertThat(g.pending()).as("both matching proposals are confirmed").isZero();
    }

    @Test
    void fuzzyMatchingByTheDefaultPercentage() {
        Governed g = governed(Map.of("edit_mode", "external", "match_strategy", "fuzzy"));

        // the contract's default threshold: 1 % of the proposed value
        assertThat(g.clears("1000", "2024-02-01T00:00:00Z", "1010", "2024-02-01T00:00:00Z")).isTrue();
        assertThat(g.clears("2000", "2024-03-01T00:00:00Z", "2020.01", "2024-03-01T00:00:00Z")).isFalse();
    }

    @Test
    void fuzzyMatchingByAnAbsoluteThreshold() {
        Governed g = governed(Map.of("edit_mode", "external", "match_strategy", "fuzzy",
                "fuzzy_config", Map.of("percentage_threshold", BigDecimal.ZERO, "absolute_threshold", new BigDecimal("2"))));

        assertThat(g.clears("1000", "2024-02-01T00:00:00Z", "998", "2024-02-01T00:00:00Z")).isTrue();
        assertThat(g.clears("1100", "2024-03-01T00:00:00Z", "1102.5", "2024-03-01T00:00:00Z")).isFalse();
    }

    @Test
    void withinSecondsTolerance() {
        Governed g = governed(Map.of("edit_mode", "external", "timestamp_tolerance", Map.of("type", "within-seconds", "seconds", new BigDecimal("60"))));

        assertThat(g.clears("150", "2024-02-01T10:00:00Z", "150", "2024-02-01T10:01:00Z")).isTrue();
        assertThat(g.clears("250", "2024-03-01T10:00:00Z", "250", "2024-03-01T09:58:59.999Z")).isFalse();
    }

    @Test
    void sameDayToleranceCountsDaysInTheGivenZone() {
        Governed berlin = governed(Map.of("edit_mode", "external",
                "timestamp_tolerance", Map.of("type", "same-day", "timezone", "Europe/Berlin")));

        // 23:30Z and 00:10Z are 00:30 and 01:10 on Feb 2nd in Berlin: the same day there, not in UTC
        assertThat(berlin.clears("150", "2024-02-01T23:30:00Z", "150", "2024-02-02T00:10:00Z")).isTrue();
        // 22:30Z and 23:30Z are one UTC day, but Mar 1st 23:30 and Mar 2nd 00:30 in Berlin
        assertThat(berlin.clears("250", "2024-03-01T22:30:00Z", "250", "2024-03-01T23:30:00Z")).isFalse();

        Governed utc = governed(Map.of("edit_mode", "external", "timestamp_tolerance", Map.of("type", "same-day")));
        assertThat(utc.clears("150", "2024-02-01T23:30:00Z", "150", "2024-02-02T00:10:00Z")).isFalse();
        assertThat(utc.clears("250", "2024-03-01T22:30:00Z", "250", "2024-03-01T23:30:00Z")).isTrue();
    }

    @Test
    void aDateOnlyErpReadingConfirmsTheSameDaysProposal() {
        Governed g = governed(Map.of("edit_mode", "external", "match_strategy", "fuzzy",
                "timestamp_tolerance", Map.of("type", "same-day", "timezone", "UTC")));

        // the ERP echoes the customer's 08:45 reading as a date, which means 00:00 UTC
        assertThat(g.clears("4711.5", "2024-02-01T08:45:00Z", "4712", "2024-02-01")).isTrue();
        assertThat(g.clears("4800", "2024-03-01T08:45:00Z", "4800", "2024-03-02")).isFalse();
    }
}
