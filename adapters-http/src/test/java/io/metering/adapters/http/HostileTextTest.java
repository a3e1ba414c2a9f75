package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text the service cannot store as sent is refused before any operation runs: NUL and unpaired
 * surrogates anywhere in a JSON body (400 invalid_body) or in the query string, and a query string
 * that is not valid percent-encoded UTF-8 (400 invalid_parameter). Odd but valid Unicode is kept.
 */
class HostileTextTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static Meter meter;

    @BeforeAll
    static void start() {
        meter = t.meter(Map.of("sector", "gas"));
        t.counter(meter, Map.of("obis_number", "7-0:3.0.0"));
    }

    private static String reading(String noteJson) {
        return "{\"meter_id\":\"" + meter.id() + "\",\"value\":1,\"source\":\"ERP\",\"timestamp\":\"2024-06-01T00:00:00Z\",\"note\":"
                + noteJson + "}";
    }

    @Test
    void nulOrUnpairedSurrogatesInABodyAre400() {
        assertReason(t.post("/v1/metering/reading", t.adminToken(), reading("\"a\\u0000b\"")), 400, "invalid_body");
        assertReason(t.post("/v1/metering/reading", t.adminToken(), reading("\"\\ud800\"")), 400, "invalid_body");
        assertReason(t.post("/v1/metering/admin/meters", t.adminToken(), "{\"x\\u0000\":1}"), 400, "invalid_body");
        assertThat(t.post("/v1/metering/reading", t.adminToken(), reading("\"a\\u0000b\"")).json().get("message").asText())
                .isEqualTo("note contains a NUL character");
    }

    @Test
    void oddButValidUnicodeIsKeptAsSent() {
        Reply r = t.post("/v1/metering/reading", t.adminToken(), reading("\"\\ud83d\\udca9 \\u202eRTL\\u202c zero\\u200bwidth\""));

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("data").get("note").asText()).isEqualTo("\ud83d\udca9 \u202eRTL\u202c zero\u200bwidth");
    }

    @Test
    void nulOrMalformedEscapesInTheQueryAre400() {
        assertReason(t.get("/v1/metering/admin/meters?ma_lo_id=a%00b", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get("/v1/metering/admin/meters?ma_lo_id=%E2%82", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get("/v1/metering/meter?include_pending_changesets=true%00", t.portalToken("c")), 400, "invalid_parameter");
        assertThat(t.get("/v1/metering/admin/meters?ma_lo_id=%E2%82%AC%20x+y", t.adminToken()).status()).isEqualTo(200);
    }
}
