package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation the OpenAPI document says reads a JSON body answers a body in another media type,
 * or without one, with 415 {@code unsupported_media_type} and a message naming what it got, before
 * it looks at the body; JSON with parameters ({@code charset}) and the {@code application/*+json}
 * types are JSON. (The newcomer's report of 400 {@code invalid_body} for {@code text/plain} was not
 * reproduced; this pins the behaviour for every operation.)
 */
class JsonMediaTypesTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static final List<String[]> OPERATIONS = new ArrayList<>();

    @BeforeAll
    static void jsonOperations() {
        JsonNode paths = t.get("/openapi.json", null).json().get("paths");
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().at("/requestBody/content").has("application/json")) {
                String path = p.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                // a required query parameter is checked before the body: updateMeterReading's timestamp (by $ref)
                boolean needsTimestamp = op.getKey().equals("put") && p.getKey().startsWith("/v1/metering/reading/");
                OPERATIONS.add(new String[] {op.getKey().toUpperCase(Locale.ROOT),
                        path + (needsTimestamp ? "?timestamp=2024-06-01T00:00:00Z" : "")});
            }
        }));
        assertThat(OPERATIONS).hasSizeGreaterThan(15);
    }

    @Test
    void aBodyInAnotherMediaTypeOrWithoutOneIs415WithAMessage() {
        for (String[] op : OPERATIONS) {
            for (String type : new String[] {"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
                    "application/xml", "text/json", null}) {
                Reply r = t.send(op[0], op[1], t.adminToken(), type, "{\"x\":1}");
                assertReason(r, 415, "unsupported_media_type");
                assertThat(r.json().get("message").asText()).as(op[0] + " " + op[1] + " " + type)
                        .contains(type == null ? "no content type" : "'" + type + "'");
            }
        }
    }

    @Test
    void jsonWithACharsetAndTheJsonSuffixTypesAreRead() {
        for (String[] op : OPERATIONS) {
            for (String type : new String[] {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
                    "application/json; charset=utf8", "APPLICATION/JSON", "application/merge-patch+json", "application/vnd.api+json"}) {
                Reply r = t.send(op[0], op[1], t.adminToken(), type, "{\"x\":1}");
                assertThat(r.status()).as(op[0] + " " + op[1] + " " + type + " -> " + r).isNotEqualTo(415);
            }
        }
    }

    /** JSON is UTF-8 (RFC 8259); an unknown or illegal charset never reaches Javalin's decoding (it answered 500). */
    @Test
    void aCharsetOtherThanUtf8Is415NamingIt() {
        for (String[] op : OPERATIONS) {
            for (String charset : new String[] {"iso-8859-1", "UTF-16", "klingon", "@@@"}) {
                Reply r = t.send(op[0], op[1], t.adminToken(), "application/json; charset=" + charset, "{\"x\":1}");
                assertThat(r.status()).as(op[0] + " " + op[1] + " " + charset + " -> " + r).isEqualTo(415);
                assertReason(r, 415, "unsupported_media_type");
                assertThat(r.json().get("message").asText()).as(op[0] + " " + op[1] + " " + charset)
                        .contains("must be UTF-8").contains("'" + charset + "'");
            }
        }
    }

    /**
     * Javalin decodes the query string with the request's charset and drops what it cannot decode:
     * a GET with an unknown charset would be answered as if it had no parameters. Refused instead;
     * a known charset on a request without a body is not looked at.
     */
    @Test
    void anUnknownCharsetIsRefusedEvenWithoutABodyAKnownOneIsIgnored() {
        for (String charset : new String[] {"klingon", "@@@"}) {
            Reply r = t.send("GET", "/v1/metering/admin/meters?size=1", t.adminToken(), "text/plain; charset=" + charset, null);
            assertReason(r, 415, "unsupported_media_type");
            assertThat(r.json().get("message").asText()).contains("'" + charset + "'");
        }
        Reply latin1 = t.send("GET", "/v1/metering/admin/meters?size=1", t.adminToken(), "text/plain; charset=iso-8859-1", null);
        assertThat(latin1.status()).as(latin1.toString()).isEqualTo(200);
    }
}
