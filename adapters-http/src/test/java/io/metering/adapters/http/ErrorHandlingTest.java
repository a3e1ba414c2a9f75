package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.Http.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answers the HTTP layer gives on its own: unknown routes, wrong methods, failures, probes. */
class ErrorHandlingTest {
    @RegisterExtension
    static final TestApp t = new TestApp();

    @Test
    void unknownRouteAnswers404Json() {
        Reply r = t.get("/v1/metering/nothing-here", t.adminToken());

        assertReason(r, 404, "not_found");
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void wrongMethodAnswers405JsonWithAllow() {
        Reply r = t.send("PUT", "/v1/metering/reading", t.adminToken(), "application/json", "{}");

        assertReason(r, 405, "method_not_allowed");
        assertThat(r.header("Allow")).contains("POST");
    }

    @Test
    void hostileInputNeverAnswers500() {
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        String longNumber = "{\"x\":" + "9".repeat(5000) + "}";
        String admin = t.adminToken();

        List<Reply> answers = List.of(
                t.post("/v1/metering/admin/meters", admin, deep),
                t.post("/v1/metering/admin/meters", admin, longNumber),
                t.post("/v1/metering/admin/meters", admin, "{\"x\":1e-999999999}"),
                t.post("/v1/metering/admin/meters", admin, "null"),
                t.post("/v1/metering/admin/meters", admin, "{\"a\":1} trailing"),
                t.post("/v1/metering/reading", admin, "{\"meter_id\":[],\"value\":{}}"),
                t.post("/v1/metering/reading", admin, "{\"meter_id\":\"" + java.util.UUID.randomUUID() + "\",\"value\":1e999999999,\"source\":\"360\"}"),
                t.post("/v1/metering/readings", admin, "{\"readings\":[null]}"),
                t.get("/v1/metering/admin/meters?size=1e999999999", admin),
                t.get("/v1/metering/admin/meters?from=0.5", admin),
                t.get("/v1/metering/meter/%00", admin),
                t.get("/v1/metering/counter?meter_id=%20", admin));

        for (Reply r : answers) {
            assertThat(r.status()).as(r.toString()).isBetween(400, 499);
            assertThat(r.json().get("reason").asText()).as(r.toString()).isNotBlank();
            assertThat(r.json().get("message").asText()).as(r.toString()).isNotBlank();
        }
    }

    @Test
    void hostileInputToTheWriteOperationsNeverAnswers500() {
        String admin = t.adminToken();
        String meter = t.meter(java.util.Map.of("sector", "power")).id().toString();
        String uuid = java.util.UUID.randomUUID().toString();
        String series = "/v1/metering/reading/" + meter + "/" + uuid;

        List<Reply> answers = List.of(
                t.post("/v1/metering/readings/" + meter, admin, "{\"readings\":[{\"counter_id\":[],\"value\":{}}]}"),
                t.post("/v1/metering/readings/" + meter, admin, "{\"readings\":\"all\"}"),
                t.put(series + "?timestamp=2024-01-01", admin, "{\"value\":1,\"source\":\"360\",\"metadata\":[1]}"),
                t.put(series + "?timestamp=2024-01-01&timestamp=x", admin, "[]"),
                t.delete(series + "?timestamp=%00", admin),
                t.post("/v2/metering/readings", admin, "{\"identifiers\":{\"a\":1},\"readings\":[{}]}"),
                t.post("/v2/metering/readings", admin, "{\"readings\":[{\"operation\":1,\"metadata\":{\"k\":{\"x\":1}}}]}"),
                t.post("/v2/metering/readings", admin, "{\"readings\":[{\"operation\":\"delete\"}]}"),
                t.post("/v2/metering/readings/prune", admin, "{\"meter_id\":\"" + meter + "\",\"keep_external_ids\":[[1],{}]}"),
                t.post("/v1/metering/reading/submission", admin, "{\"entity\":\"x\"}"),
                t.post("/v1/metering/reading/submission", admin, "{\"entity\":{\"meterReadings\":[{\"meterId\":\"" + meter
                        + "\",\"readings\":[{\"counterId\":null,\"value\":1e999999999}]}]}}"),
                t.post("/v1/metering/reading/with-meter", admin, "{\"meter_id\":{},\"value\":[]}"),
                t.get("/v1/metering/allowed/reading/" + meter + "?timestamp=99999-01-01", admin),
                t.patch(series + "/changesets/" + uuid, admin, "{\"proposed\":[]}"),
                t.post(series + "/changesets/" + uuid + ":dismiss", admin, "{\"reason\":{}}"));

        for (Reply r : answers) {
            assertThat(r.status()).as(r.toString()).isBetween(400, 499);
            assertThat(r.json().get("reason").asText()).as(r.toString()).isNotBlank();
        }
    }

    @Test
    void everyAnswerCarriesACorrelationId() {
        assertThat(t.get("/health", null).header("X-Correlation-Id")).isNotBlank();
        assertThat(t.get("/nope", null).header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void probes() {
        assertThat(t.get("/health", null).body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(t.get("/ready", null).json().get("status").asText()).isEqualTo("ready");

        t.ready.set(false);
        try {
            Reply notReady = t.get("/ready", null);
            assertReason(notReady, 503, "not_ready");
            assertThat(t.get("/health", null).status()).as("liveness does not depend on readiness").isEqualTo(200);
        } finally {
            t.ready.set(true);
        }
    }
}
