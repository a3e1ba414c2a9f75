package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A portal user never sets {@code skip_validation}, {@code direct}, source {@code ERP} or a
 * {@code status} (docs/domain.md#who-may-do-what): on every write a portal token may use, each of them
 * answers 403, on the user's own meter, while the same request from an admin goes through.
 */
class PortalOptionsTest {
    private static final String CONTACT = "contact-options";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static Meter meter;
    private static Counter counter;

    @BeforeAll
    static void start() {
        meter = t.powerMeterOf(CONTACT);
        counter = t.counter(meter, TestApp.FEED_OUT);
    }

    private static String reading(String extra, int day) {
        return "{'counter_id':'" + counter.id() + "','value':" + (100 + day) + ",'timestamp':'2024-06-" + String.format("%02d", day)
                + "T00:00:00Z'" + extra + "}";
    }

    @Test
    void everyAdminOnlyOptionAnswers403OnBothPortalWrites() {
        String portal = t.portalToken(CONTACT);
        List<String[]> options = List.of(
                new String[] {"?skip_validation=true", ",'source':'ECP'"},
                new String[] {"?direct=true", ",'source':'ECP'"},
                new String[] {"", ",'source':'ERP'"},
                new String[] {"", ",'source':'ECP','status':'valid'"});
        int day = 1;
        for (String[] option : options) {
            String one = js("{'meter_id':'" + meter.id() + "'," + reading(option[1], day).substring(1));
            String many = js("{'readings':[" + reading(option[1], day) + "]}");

            assertReason(t.post("/v1/metering/reading" + option[0], portal, one), 403, "forbidden_option");
            assertReason(t.post("/v1/metering/readings/" + meter.id() + option[0], portal, many), 403, "forbidden_option");
            assertThat(t.post("/v1/metering/reading" + option[0], t.adminToken(), one).status()).as(option[0] + option[1]).isEqualTo(200);
            day++;
        }
        assertThat(t.post("/v1/metering/reading", portal, js("{'meter_id':'" + meter.id() + "'," + reading(",'source':'ECP'", 9)
                .substring(1))).status()).as("without options the portal user writes").isEqualTo(200);
    }

    @Test
    void aPortalUserMayNotChangeTheMetersStatusOrRelations() {
        String portal = t.portalToken(CONTACT);
        String path = "/v1/metering/meter/" + meter.id();

        assertReason(t.patch(path, portal, js("{'status':'decommissioned'}")), 403, "forbidden_option");
        assertReason(t.patch(path, portal, js("{'customer':{'$relation':[{'entity_id':'someone-else'}]}}")), 403, "forbidden_option");
        assertReason(t.patch(path, portal, js("{'reading_governance':null}")), 403, "forbidden_option");
        assertThat(t.patch(path, portal, js("{'description':'my meter'}")).status()).isEqualTo(200);
    }
}
