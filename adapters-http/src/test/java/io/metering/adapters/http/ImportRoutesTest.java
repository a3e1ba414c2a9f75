package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The import routes over the job service with a test file format (one reading a line): 202 with the
 * job, the job and its refusals readable, bad parameters and other organizations refused.
 */
class ImportRoutesTest {
    private final TestApp t = new TestApp();

    @AfterEach
    void close() {
        t.close();
    }

    private Reply upload(String query, String body) {
        return t.send("POST", "/v1/metering/admin/imports" + query, t.adminToken(), "text/csv", body);
    }

    @Test
    void acceptsAFileAndShowsTheJob() {
        Meter meter = t.meter(Map.of("sector", "power", "ma_lo_id", "51238696781"));
        Counter counter = t.counter(meter, Map.of("obis_number", "1-0:1.8.0", "direction", "feed-out"));

        Reply accepted = upload("?commit=chunk&chunk_size=1", "lines\n51238696781 " + counter.id() + " 2024-01-01T00:00:00Z 5\n"
                + "51238696781 " + counter.id() + " 2024-01-02T00:00:00Z 4\n");

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = t.get("/v1/metering/admin/imports/" + accepted.json().at("/data/id").asText(), t.adminToken()).json().get("data");
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("commit").asText()).isEqualTo("chunk");
        assertThat(job.get("rows_stored").asLong()).as("the first chunk stays").isEqualTo(1);
        assertThat(job.get("rows_refused").asLong()).isEqualTo(1);
        JsonNode refusal = job.at("/refusals/0");
        assertThat(refusal.get("reason").asText()).isEqualTo("less_than_previous");
        assertThat(refusal.get("row").asLong()).isEqualTo(1);
        assertThat(t.get("/v1/metering/admin/imports/" + job.get("id").asText() + "/refusals", t.adminToken()).json().at("/data/0/row")
                .asLong()).isEqualTo(1);
        assertThat(t.get("/v1/metering/admin/imports/" + job.get("id").asText(), t.adminToken("other-org")).status())
                .as("another organization's job").isEqualTo(404);
    }

    @Test
    void aRefusedFirstRowIsCountedAsReadAndRefused() {
        Meter meter = t.meter(Map.of("sector", "power", "ma_lo_id", "51238696781"));
        Counter counter = t.counter(meter, Map.of("obis_number", "1-0:1.8.0", "direction", "feed-out"));

        JsonNode first = job(upload("", "lines\n99999999999 " + counter.id() + " 2024-01-01T00:00:00Z 5\n"));
        JsonNode second = job(upload("?commit=chunk&chunk_size=1", "lines\n51238696781 " + counter.id() + " 2024-01-01T00:00:00Z 5\n"
                + "99999999999 " + counter.id() + " 2024-01-02T00:00:00Z 6\n"));

        assertThat(first.get("status").asText()).isEqualTo("failed");
        assertThat(first.at("/refusals/0/reason").asText()).isEqualTo("unknown_key");
        assertThat(first.at("/refusals/0/row").asLong()).isZero();
        assertThat(first.at("/refusals/0/line").asLong()).isEqualTo(2);
        assertThat(first.get("rows_read").asLong()).as("the refused row was read").isEqualTo(1);
        assertThat(first.get("rows_refused").asLong()).isEqualTo(1);
        assertThat(first.get("rows_stored").asLong()).isZero();
        assertThat(second.at("/refusals/0/row").asLong()).isEqualTo(1);
        assertThat(second.get("rows_read").asLong()).isEqualTo(2);
        assertThat(second.get("rows_refused").asLong()).isEqualTo(1);
        assertThat(second.get("rows_stored").asLong()).as("the first chunk stays").isEqualTo(1);
    }

    @Test
    void aRowRefusedByAWriteRuleIsTheLastRowRead() {
        Meter meter = t.meter(Map.of("sector", "power", "ma_lo_id", "51238696781"));
        Counter counter = t.counter(meter, Map.of("obis_number", "1-0:1.8.0", "direction", "feed-out"));
        assertThat(t.post("/v1/metering/reading", t.adminToken(), TestApp.reading(meter, counter, "10", "ERP", "2024-01-01T00:00:00Z"))
                .status()).isEqualTo(200);
        String row = "51238696781 " + counter.id() + " ";

        JsonNode lower = job(upload("", "lines\n" + row + "2024-01-02T00:00:00Z 5\n" + row + "2024-01-03T00:00:00Z 12\n"));
        JsonNode unknown = job(upload("", "lines\n51238696781 " + java.util.UUID.randomUUID() + " 2024-01-02T00:00:00Z 11\n"
                + row + "2024-01-03T00:00:00Z 12\n"));
        JsonNode thirdOfFour = job(upload("?commit=chunk&chunk_size=2", "lines\n" + row + "2024-01-02T00:00:00Z 11\n"
                + row + "2024-01-03T00:00:00Z 12\n" + row + "2024-01-04T00:00:00Z 3\n" + row + "2024-01-05T00:00:00Z 14\n"));

        assertThat(lower.at("/refusals/0/reason").asText()).isEqualTo("less_than_previous");
        assertThat(lower.at("/refusals/0/row").asLong()).isZero();
        assertThat(lower.get("rows_read").asLong()).as("the first row of two was refused: %s", lower).isEqualTo(1);
        assertThat(lower.get("rows_stored").asLong()).isZero();
        assertThat(unknown.at("/refusals/0/row").asLong()).isZero();
        assertThat(unknown.get("rows_read").asLong()).as("an unknown counter in the first row of two: %s", unknown).isEqualTo(1);
        assertThat(thirdOfFour.at("/refusals/0/reason").asText()).isEqualTo("less_than_previous");
        assertThat(thirdOfFour.at("/refusals/0/row").asLong()).isEqualTo(2);
        assertThat(thirdOfFour.at("/refusals/0/message").asText()).contains("readings[2]");
        assertThat(thirdOfFour.get("rows_read").asLong()).as("the third row of four, first of the second chunk: %s", thirdOfFour)
                .isEqualTo(3);
        assertThat(thirdOfFour.get("rows_stored").asLong()).as("the first chunk stays").isEqualTo(2);
    }

    private JsonNode job(Reply accepted) {
        assertThat(accepted.status()).isEqualTo(202);
        return t.get("/v1/metering/admin/imports/" + accepted.json().at("/data/id").asText(), t.adminToken()).json().get("data");
    }

    @Test
    void refusesBadParametersAndUnknownFormatsBeforeQueueing() {
        assertThat(upload("?commit=sometimes", "lines\n").status()).isEqualTo(400);
        assertThat(upload("?chunk_size=0", "lines\n").status()).isEqualTo(400);
        Reply format = upload("", "not a lines file");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("reason").asText()).isEqualTo("unsupported_format");
        assertThat(t.send("POST", "/v1/metering/admin/imports", t.adminToken(), "image/png", "x").status()).isEqualTo(415);
        for (String charset : new String[] {"klingon", "@@@", "iso-8859-1"}) { // the readers decode UTF-8 only
            Reply r = t.send("POST", "/v1/metering/admin/imports", t.adminToken(), "text/csv; charset=" + charset, "lines\n");
            assertThat(r.status()).as(charset + " " + r).isEqualTo(415);
            assertThat(r.json().get("message").asText()).contains("'" + charset + "'");
        }
        assertThat(t.send("POST", "/v1/metering/admin/imports", t.portalToken("c-1"), "text/csv", "lines\n").status()).isEqualTo(403);
    }
}
