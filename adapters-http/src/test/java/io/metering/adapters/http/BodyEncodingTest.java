package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.http.auth.JwtSettings;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Content-Encoding} of request bodies (web.BodyEncoding): a gzip body is read inflated, within
 * the same size limit as a plain one; any other coding answers 415 naming it; the answers are not
 * compressed.
 */
class BodyEncodingTest {
    private static final long BODY_LIMIT = 64 * 1024;
    @RegisterExtension
    static final TestApp t = new TestApp(JwtSettings.of(TestApp.SECRET, TestApp.ISSUER, TestApp.AUDIENCE), UnaryOperator.identity(),
            BODY_LIMIT);
    private static Meter meter;
    private static Counter counter;

    @BeforeAll
    static void seed() {
        meter = t.powerMeterOf("contact-gzip");
        counter = t.counter(meter, TestApp.FEED_OUT);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Reply post(String path, String coding, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path)))
                .header("Authorization", "Bearer " + t.adminToken())
                .header("Content-Type", "application/json")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (coding != null) {
            b.header("Content-Encoding", coding);
        }
        return t.send(b.build());
    }

    private static String readings(String... values) {
        StringBuilder sb = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(TestApp.reading(meter, counter, values[i], "ERP",
                    "2024-02-0" + (i + 1) + "T00:00:00Z"));
        }
        return sb.append("]}").toString();
    }

    private static int stored() {
        return t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?size=-1&start_date=2024-02-01&end_date=2024-02-09",
                t.adminToken()).json().get("results").size();
    }

    @Test
    void aGzipBodyIsReadInflatedAndTheAnswerIsNotCompressed() {
        Reply r = post("/v1/metering/readings", "gzip", gzip(readings("100", "101")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("data")).hasSize(2);
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aGzipBodyThatInflatesBeyondTheLimitAnswers413() {
        char[] pad = new char[(int) BODY_LIMIT];
        Arrays.fill(pad, 'x');
        byte[] bomb = gzip(js("{'sector':'power','note':'" + new String(pad) + "'}"));
        assertThat((long) bomb.length).isLessThan(BODY_LIMIT / 10);

        assertReason(post("/v1/metering/admin/meters", "gzip", bomb), 413, "payload_too_large");
    }

    @Test
    void anotherCodingAnswers415NamingIt() {
        for (String coding : new String[] {"br", "deflate", "gzip, br", "compress"}) {
            Reply r = post("/v1/metering/readings", coding, readings("50").getBytes(StandardCharsets.UTF_8));
            assertReason(r, 415, "unsupported_media_type");
            assertThat(r.json().get("message").asText()).as(coding).contains("'" + coding + "'");
        }
        assertThat(stored()).isZero();
    }

    @Test
    void identityIsReadAsSent() {
        Reply r = post("/v2/metering/readings/prune", "identity", js("{'meter_id':'" + meter.id() + "','keep_external_ids':[],'source':'360'}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void aBrokenGzipBodyIsTheClientsFault() {
        byte[] broken = gzip(readings("100"));
        Reply truncated = post("/v1/metering/readings", "gzip", Arrays.copyOf(broken, broken.length / 2));
        Reply notGzip = post("/v1/metering/readings", "gzip", readings("100").getBytes(StandardCharsets.UTF_8));

        assertThat(truncated.status()).as(truncated.toString()).isEqualTo(400);
        assertThat(notGzip.status()).as(notGzip.toString()).isEqualTo(400);
        assertThat(truncated.json().get("message").asText()).isNotBlank();
        assertThat(notGzip.json().get("message").asText()).isNotBlank();
    }
}
