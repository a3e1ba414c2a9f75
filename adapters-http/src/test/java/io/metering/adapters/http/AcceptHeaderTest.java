package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API's routes answer 406 {@code not_acceptable} to an {@code Accept} header that admits none of
 * their types (web.AcceptedTypes); what admits JSON, or CSV where a route answers it, keeps working,
 * and the docs and probes are not judged.
 */
class AcceptHeaderTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static Meter meter;
    private static Counter counter;

    @BeforeAll
    static void seed() {
        meter = t.powerMeterOf("contact-accept");
        counter = t.counter(meter, TestApp.FEED_OUT);
    }

    private static Reply send(String method, String path, String accept, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path))).header("Authorization", "Bearer " + t.adminToken())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return t.send(b.build());
    }

    private static Reply getMeter(String accept) {
        return send("GET", "/v1/metering/meter/" + meter.id(), accept, null);
    }

    private static String series() {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id();
    }

    @Test
    void anAcceptThatAdmitsNoJsonAnswers406WithTheJsonErrorBody() {
        for (String accept : List.of("application/xml", "text/html", "application/json;q=0", "application/json;q=0, */*",
                "text/*", "image/png, text/plain;q=0.5")) {
            Reply r = getMeter(accept);
            assertReason(r, 406, "not_acceptable");
            assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            assertThat(r.json().get("message").asText()).as(accept).contains("application/json").contains(accept);
        }
    }

    @Test
    void whatAdmitsJsonKeepsWorking() {
        for (String accept : new String[] {null, "", "*/*", "application/*", "application/json", "application/json; charset=utf-8",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml, application/json;q=0.1"}) {
            Reply r = getMeter(accept);
            assertThat(r.status()).as(accept + ": " + r).isEqualTo(200);
            assertThat(r.json().at("/data/entity/_id").asText()).isEqualTo(meter.id().toString());
        }
    }

    @Test
    void aRefusedWriteWritesNothing() {
        String body = TestApp.reading(meter, counter, "10", "ERP", "2024-01-01T00:00:00Z");

        assertReason(send("POST", "/v1/metering/reading", "application/xml", body), 406, "not_acceptable");
        assertThat(send("GET", series() + "?size=-1", null, null).json().get("results")).isEmpty();
    }

    @Test
    void theCsvRoutesAdmitCsvAsWellAsJson() {
        Reply csv = send("GET", series(), "text/csv", null);
        Reply textAny = send("GET", series(), "text/*", null);
        Reply json = send("GET", series(), "application/json", null);
        Reply consumptionCsv = send("GET", "/v1/metering/consumption/" + meter.id() + "/" + counter.id()
                + "?interval=month&start_date=2024-01-01&end_date=2024-01-31", "text/csv", null);

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(textAny.status()).as(textAny.toString()).isEqualTo(200);
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(consumptionCsv.status()).as(consumptionCsv.toString()).isNotEqualTo(406);
        Reply neither = send("GET", series(), "application/xml", null);
        assertReason(neither, 406, "not_acceptable");
        assertThat(neither.json().get("message").asText()).contains("application/json or text/csv");
    }

    @Test
    void theDocsAndProbesAreNotJudged() {
        assertThat(send("GET", "/openapi.json", "application/xml", null).status()).isEqualTo(200);
        assertThat(send("GET", "/docs", "text/html", null).status()).isEqualTo(200);
        assertThat(send("GET", "/health", "text/plain", null).status()).isEqualTo(200);
    }
}
