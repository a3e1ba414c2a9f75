package io.metering.adapters.http;

import io.metering.testing.BearerTokens;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The authentication and admission matrix of docs/domain.md#who-may-do-what. */
class AccessTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static Meter meter;

    @BeforeAll
    static void start() {
        meter = t.meter(Map.of("customer", TestApp.relation("contact-1")));
    }

    private static final List<String> PROTECTED = List.of("/v1/metering/meter", "/v1/metering/counter?meter_id=x",
            "/v1/metering/admin/meters");

    @Test
    void noTokenAnswers401WithChallenge() {
        for (String path : PROTECTED) {
            Reply r = t.get(path, null);
            assertReason(r, 401, "unauthorized");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void badTokensAnswer401() {
        String wrongSecret = BearerTokens.hs256("a-completely-different-secret-of-enough-length")
                .withIssuer(TestApp.ISSUER, TestApp.AUDIENCE).withClock(t.clock).admin(TestApp.ORG, "x");
        String expired = t.tokens.withTtl(Duration.ofMinutes(1)).admin(TestApp.ORG, "x");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"org_id\":\"" + TestApp.ORG + "\",\"kind\":\"admin\",\"exp\":9999999999}").getBytes());
        String algNone = header + "." + payload + ".";

        t.clock.advance(Duration.ofMinutes(10));
        try {
            for (String token : List.of(wrongSecret, expired, algNone, "garbage")) {
                assertReason(t.get("/v1/metering/meter/" + meter.id(), token), 401, "unauthorized");
            }
        } finally {
            t.clock.set(TestApp.START);
        }
        Reply basic = t.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.url("/v1/metering/meter")))
                .header("Authorization", "Basic dXNlcjpwYXNz").GET().build());
        assertReason(basic, 401, "unauthorized");
    }

    @Test
    void wrongKindAnswers403() {
        String portal = t.portalToken("contact-1");

        assertReason(t.get("/v1/metering/admin/meters", portal), 403, "forbidden_option");
        assertReason(t.post("/v1/metering/readings", portal, "{\"readings\":[]}"), 403, "forbidden_option");
        assertReason(t.delete("/v1/metering/admin/meters/" + meter.id(), portal), 403, "forbidden_option");
        assertReason(t.get("/v1/metering/meter", t.adminToken()), 403, "forbidden_option");
    }

    @Test
    void authenticationComesBeforeBodyChecks() {
        assertReason(t.send("POST", "/v1/metering/reading", null, "text/plain", "x"), 401, "unauthorized");
        assertReason(t.send("POST", "/v1/metering/readings", t.portalToken("contact-1"), "text/plain", "x"), 403, "forbidden_option");
    }

    @Test
    void outsideTheCallersReachReadsAsNotFound() {
        assertReason(t.get("/v1/metering/meter/" + meter.id(), t.portalToken("contact-2")), 404, "not_found");
        assertReason(t.get("/v1/metering/counter?meter_id=" + meter.id(), t.portalToken("contact-2")), 404, "not_found");
        assertReason(t.get("/v1/metering/meter/" + meter.id(), t.adminToken(TestApp.OTHER_ORG)), 404, "not_found");
        assertReason(t.get("/v1/metering/admin/meters/" + meter.id(), t.adminToken(TestApp.OTHER_ORG)), 404, "not_found");
        assertThat(t.get("/v1/metering/meter/" + meter.id(), t.portalToken("contact-1")).status()).isEqualTo(200);
    }

    @Test
    void probesAndDocsNeedNoToken() {
        assertThat(t.get("/health", null).status()).isEqualTo(200);
        assertThat(t.get("/ready", null).status()).isEqualTo(200);
        assertThat(t.get("/openapi.json", null).status()).isEqualTo(200);
        assertThat(t.get("/docs", null).status()).isEqualTo(200);
    }
}
