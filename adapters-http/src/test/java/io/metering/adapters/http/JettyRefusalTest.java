package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.Http.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests Jetty refuses before any route runs (a request head over its 8 KB limit) answer JSON
 * {message, reason} whatever the method, and say that the connection closes, as it does.
 */
class JettyRefusalTest {
    @RegisterExtension
    static final TestApp t = new TestApp();

    @Test
    void oversizedRequestHeadsAnswerJsonForEveryMethod() {
        for (String method : new String[] {"GET", "PATCH", "DELETE", "PUT"}) {
            Reply headers = t.send(method, "/v1/metering/meter/x?q=" + "%E2%80%8B".repeat(880), t.adminToken(), null, null);
            Reply uri = t.send(method, "/v1/metering/meter/x?q=" + "%E2%80%8B".repeat(2000), t.adminToken(), null, null);

            assertReason(headers, 431, "request_header_fields_too_large");
            assertReason(uri, 414, "uri_too_long");
            assertThat(headers.header("Connection")).isEqualTo("close");
            assertThat(uri.header("Connection")).as(method).isEqualTo("close");
        }
    }
}
