package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.Http;

/** Creates meters and counters through the admin API, as an operator would. */
final class Seeder {
    private final Http http;
    private final String admin;

    Seeder(Http http, String adminToken) {
        this.http = http;
        this.admin = adminToken;
    }

    /** A meter owned by the portal contact; returns its id. */
    String meter(String sector, String contactId) {
        return meter("{\"sector\":\"" + sector + "\",\"customer\":{\"$relation\":[{\"entity_id\":\"" + contactId + "\"}]}}");
    }

    /** A meter from JSON attributes; returns its id. */
    String meter(String attributesJson) {
        Http.Reply r = http.post("/v1/metering/admin/meters", admin, attributesJson);
        assertThat(r.status()).as("create meter: %s", r).isEqualTo(201);
        return r.json().get("data").get("_id").asText();
    }

    /** A counter of the meter from JSON attributes; returns its id. */
    String counter(String meterId, String attributesJson) {
        Http.Reply r = http.post("/v1/metering/admin/meters/" + meterId + "/counters", admin, attributesJson);
        assertThat(r.status()).as("create counter: %s", r).isEqualTo(201);
        return r.json().get("data").get("_id").asText();
    }
}
