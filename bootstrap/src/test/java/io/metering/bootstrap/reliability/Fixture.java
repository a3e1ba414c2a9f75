package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.Http;
import java.util.UUID;

/**
 * Seeded resources whose ids let generated requests reach the handlers: a power meter of the portal
 * customer (with the MaLo id and meter number of the API document's examples, so its examples find
 * it) with two counters and readings before the examples' instant, a governed gas meter with a
 * pending changeset, a meter of another customer and a meter of another organization.
 *
 * @param org the organization
 * @param contact the portal customer's contact id
 * @param contract the portal customer's contract id
 * @param meter the customer's power meter
 * @param counter its 1-0:1.8.0 counter
 * @param governedMeter the customer's governed gas meter
 * @param governedCounter its counter
 * @param changeset the pending changeset on it
 * @param foreignMeter a meter of another customer of the organization
 * @param otherOrgMeter a meter of another organization
 * @param otherOrgCounter its counter
 */
record Fixture(String org, String contact, String contract, String meter, String counter, String governedMeter,
        String governedCounter, String changeset, String foreignMeter, String otherOrgMeter, String otherOrgCounter) {

    /** The MaLo id of the API document's examples. */
    static final String MA_LO_ID = "51238696781";

    static Fixture seed(Http http, String org) {
        String admin = Tokens.admin(org);
        Seeder seed = new Seeder(http, admin);
        String contact = UUID.randomUUID().toString();
        String contract = UUID.randomUUID().toString();
        String meter = seed.meter("{\"sector\":\"power\",\"ma_lo_id\":\"" + MA_LO_ID + "\",\"meter_number\":\"1ESY1160123456\","
                + "\"customer\":{\"$relation\":[{\"entity_id\":\"" + contact + "\"}]},\"contract\":{\"$relation\":[{\"entity_id\":\""
                + contract + "\"}]}}");
        String counter = seed.counter(meter, "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\"}");
        seed.counter(meter, "{\"obis_number\":\"1-0:2.8.0\",\"direction\":\"feed-in\"}");
        for (int day = 1; day <= 5; day++) {
            ok(http.post("/v1/metering/reading", admin, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter + "\",\"value\":"
                    + (1000 + day) + ",\"source\":\"ERP\",\"timestamp\":\"2024-05-0" + day + "T00:00:00Z\",\"external_id\":\"erp-" + day
                    + "\"}"));
        }
        String governedMeter = seed.meter("{\"sector\":\"gas\",\"customer\":{\"$relation\":[{\"entity_id\":\"" + contact + "\"}]},"
                + "\"reading_governance\":{\"edit_mode\":\"approval\"}}");
        String governedCounter = seed.counter(governedMeter, "{\"obis_number\":\"7-0:3.0.0\"}");
        Http.Reply proposal = ok(http.post("/v1/metering/reading", admin, "{\"meter_id\":\"" + governedMeter + "\",\"counter_id\":\""
                + governedCounter + "\",\"value\":500,\"source\":\"ECP\",\"timestamp\":\"2024-05-01T00:00:00Z\"}"));
        String changeset = proposal.json().get("pending_changesets").get(0).get("changeset_id").asText();
        String foreignMeter = seed.meter("power", UUID.randomUUID().toString());
        Seeder other = new Seeder(http, Tokens.admin(org + "-other"));
        String otherOrgMeter = other.meter("power", contact);
        String otherOrgCounter = other.counter(otherOrgMeter, "{\"obis_number\":\"1-0:1.8.0\"}");
        return new Fixture(org, contact, contract, meter, counter, governedMeter, governedCounter, changeset, foreignMeter,
                otherOrgMeter, otherOrgCounter);
    }

    String adminToken() {
        return Tokens.admin(org);
    }

    String portalToken() {
        return Tokens.portal(org, contact, contract);
    }

    private static Http.Reply ok(Http.Reply r) {
        assertThat(r.status()).as("seeding: %s", r).isEqualTo(200);
        return r;
    }
}
