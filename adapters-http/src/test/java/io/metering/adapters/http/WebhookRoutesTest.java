package io.metering.adapters.http;

import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http.Reply;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook subscription routes over the in-memory store: the secret shown once, partial updates,
 * rotation with an overlap, test messages and their attempts, replay, admin tokens and the caller's
 * organization only, and the outbound rules at create and update.
 */
class WebhookRoutesTest {
    private static final String HOOKS = "/v1/metering/webhooks";
    private final TestApp t = new TestApp();

    @AfterEach
    void close() {
        t.close();
    }

    private JsonNode create(String body) {
        Reply r = t.post(HOOKS, t.adminToken(), js(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("data");
    }

    @Test
    void createsWithASecretShownOnceAndListsWithoutIt() {
        JsonNode created = create("{'url':'https://erp.example.com/hook','event_types':['io.metering.reading.created'],"
                + "'description':'billing'}");

        String secret = created.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).as("at least 24 random bytes").hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(created.at("/delivery/cursor").asText()).as("no event yet: the start").isEqualTo("0".repeat(32));
        String id = created.get("id").asText();
        JsonNode got = t.get(HOOKS + "/" + id, t.adminToken()).json().get("data");
        assertThat(got.has("secret")).as("the secret is never shown again").isFalse();
        assertThat(got.get("event_types").get(0).asText()).isEqualTo("io.metering.reading.created");
        assertThat(got.get("description").asText()).isEqualTo("billing");
        JsonNode list = t.get(HOOKS, t.adminToken()).json().get("data");
        assertThat(list).hasSize(1);
        assertThat(list.toString()).doesNotContain(secret);
    }

    @Test
    void updatesPartlyAndDeletes() {
        String id = create("{'url':'https://erp.example.com/hook','description':'billing'}").get("id").asText();

        Reply off = t.patch(HOOKS + "/" + id, t.adminToken(), js("{'enabled':false,'description':null}"));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().at("/data/enabled").asBoolean()).isFalse();
        assertThat(off.json().at("/data/description").isMissingNode()).as("cleared").isTrue();
        assertThat(off.json().at("/data/url").asText()).as("kept").isEqualTo("https://erp.example.com/hook");

        assertThat(t.delete(HOOKS + "/" + id, t.adminToken()).status()).isEqualTo(204);
        assertThat(t.get(HOOKS + "/" + id, t.adminToken()).status()).isEqualTo(404);
        assertThat(t.delete(HOOKS + "/" + id, t.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsOfTheOrganizationReachASubscription() {
        String id = create("{'url':'https://erp.example.com/hook'}").get("id").asText();

        assertThat(t.get(HOOKS, t.portalToken("c-1")).status()).isEqualTo(403);
        assertThat(t.post(HOOKS, t.portalToken("c-1"), js("{'url':'https://erp.example.com/x'}")).status()).isEqualTo(403);
        assertThat(t.get(HOOKS + "/" + id, t.adminToken(TestApp.OTHER_ORG)).status()).isEqualTo(404);
        assertThat(t.get(HOOKS, t.adminToken(TestApp.OTHER_ORG)).json().get("data")).isEmpty();
        assertThat(t.get(HOOKS + "/not-a-uuid", t.adminToken()).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://erp.example.com/hook", "https://10.0.0.7/hook", "https://127.0.0.2/hook", "https://[::1]/hook",
            "https://169.254.169.254/latest", "https://db.internal/hook", "https://nowhere.invalid/hook", "https://u:p@erp.example.com/h",
            "ftp://erp.example.com/h", "/relative", "https://100.64.0.1/cgnat", "https://[fd00::1]/ula", "https://0.0.0.0/"})
    void refusesUrlsTheOutboundRulesForbid(String url) {
        Reply r = t.post(HOOKS, t.adminToken(), js("{'url':'" + url + "'}"));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("reason").asText()).isEqualTo("webhook_url_refused");
        assertThat(t.webhooks.list(TestApp.admin().org())).as("nothing stored").isEmpty();
    }

    @Test
    void aListedHostMayUsePlainHttpAndAPrivateAddress() {
        assertThat(create("{'url':'http://127.0.0.1:8099/hook'}").get("url").asText()).isEqualTo("http://127.0.0.1:8099/hook");
        String id = create("{'url':'https://erp.example.com/hook'}").get("id").asText();

        Reply refused = t.patch(HOOKS + "/" + id, t.adminToken(), js("{'url':'http://erp.example.com/hook'}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("reason").asText()).isEqualTo("webhook_url_refused");
        assertThat(t.get(HOOKS + "/" + id, t.adminToken()).json().at("/data/url").asText()).as("unchanged")
                .isEqualTo("https://erp.example.com/hook");
    }

    @Test
    void refusesBadBodies() {
        assertThat(t.post(HOOKS, t.adminToken(), js("{'event_types':[]}")).json().get("reason").asText()).isEqualTo("missing_params");
        assertThat(t.post(HOOKS, t.adminToken(), js("{'url':'https://erp.example.com/h','secret':'mine'}")).json().get("reason")
                .asText()).isEqualTo("invalid_body");
        assertThat(t.post(HOOKS, t.adminToken(), js("{'url':'https://erp.example.com/h','event_types':['reading.created']}")).json()
                .get("reason").asText()).isEqualTo("invalid_parameter");
        assertThat(t.post(HOOKS, t.adminToken(), js("{'url':'https://erp.example.com/h','enabled':'yes'}")).json().get("reason")
                .asText()).isEqualTo("invalid_body");
        assertThat(t.post(HOOKS, t.adminToken(), js("{'url':'https://erp.example.com/h' + 'x'}")).status()).isEqualTo(400);
    }

    @Test
    void refusesEventTypesTheFeedDoesNotKnowAtCreateAndUpdate() {
        Reply created = t.post(HOOKS, t.adminToken(), js("{'url':'https://erp.example.com/h','event_types':["
                + "'io.metering.reading.created','io.metering.reading.nothing']}"));
        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().get("reason").asText()).isEqualTo("invalid_parameter");
        assertThat(created.json().get("message").asText()).contains("'io.metering.reading.nothing' is no event type")
                .contains("io.metering.reading.created").contains("io.metering.counter.deleted");
        assertThat(t.get(HOOKS, t.adminToken()).json().get("data")).as("nothing written").isEmpty();

        String id = create("{'url':'https://erp.example.com/hook','event_types':['io.metering.reading.created']}").get("id").asText();
        Reply patched = t.patch(HOOKS + "/" + id, t.adminToken(), js("{'event_types':['io.metering.reading.nothing']}"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(400);
        assertThat(patched.json().get("reason").asText()).isEqualTo("invalid_parameter");
        assertThat(patched.json().get("message").asText()).contains("io.metering.meter.created");
        assertThat(t.get(HOOKS + "/" + id, t.adminToken()).json().at("/data/event_types/0").asText()).as("unchanged")
                .isEqualTo("io.metering.reading.created");
        assertThat(t.patch(HOOKS + "/" + id, t.adminToken(), js("{'event_types':['io.metering.meter.deleted']}")).status())
                .isEqualTo(200);
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlap() {
        JsonNode created = create("{'url':'https://erp.example.com/hook'}");
        String id = created.get("id").asText();
        String first = created.get("secret").asText();

        Reply rotated = t.post(HOOKS + "/" + id + "/rotate-secret?overlap_hours=2", t.adminToken(), "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().at("/data/secret").asText();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        t.post(HOOKS + "/" + id + "/test", t.adminToken(), "");
        assertThat(t.webhookSender.sent().get(0).secrets()).containsExactly(second, first);
        assertThat(t.get(HOOKS + "/" + id, t.adminToken()).json().at("/data/previous_secret_valid_until").asText()).isNotEmpty();

        t.clock.advance(Duration.ofHours(2).plusSeconds(1));
        t.post(HOOKS + "/" + id + "/test", t.adminToken(), "");
        assertThat(t.webhookSender.sent().get(1).secrets()).as("after the overlap").containsExactly(second);
        assertThat(t.post(HOOKS + "/" + id + "/rotate-secret?overlap_hours=169", t.adminToken(), "").status()).isEqualTo(400);
    }

    @Test
    void aTestMessageIsSentSignedAndListedAsAnAttempt() {
        String id = create("{'url':'https://erp.example.com/hook'}").get("id").asText();
        t.webhookSender.answer(s -> 503);

        Reply test = t.post(HOOKS + "/" + id + "/test", t.adminToken(), "");

        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().at("/data/succeeded").asBoolean()).isFalse();
        assertThat(test.json().at("/data/status").asInt()).isEqualTo(503);
        assertThat(test.json().at("/data/event_type").asText()).isEqualTo("io.metering.webhook.test");
        JsonNode body = t.json.valueToTree(t.json.convertValue(parse(t.webhookSender.sent().get(0).body()), Object.class));
        assertThat(body.get("specversion").asText()).isEqualTo("1.0");
        assertThat(body.at("/data/subscription_id").asText()).isEqualTo(id);
        t.webhookSender.answer(s -> 200);
        t.post(HOOKS + "/" + id + "/test", t.adminToken(), "");
        JsonNode attempts = t.get(HOOKS + "/" + id + "/attempts?size=1", t.adminToken()).json();
        assertThat(attempts.get("hits").asLong()).isEqualTo(2);
        assertThat(attempts.get("data")).hasSize(1);
        assertThat(attempts.at("/data/0/succeeded").asBoolean()).as("newest first").isTrue();
        assertThat(t.get(HOOKS + "/" + id + "/attempts?size=0", t.adminToken()).status()).isEqualTo(400);
    }

    @Test
    void replayMovesTheCursorAndEnables() {
        String id = create("{'url':'https://erp.example.com/hook','enabled':false}").get("id").asText();

        t.meter(java.util.Map.of("sector", "water"));
        String cursor = t.get("/v1/metering/events", t.adminToken()).json().get("next").asText();
        assertThat(cursor).as("a cursor the feed handed out").isNotEqualTo("0".repeat(32));
        Reply replayed = t.post(HOOKS + "/" + id + "/replay?after=" + cursor, t.adminToken(), "");

        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().at("/data/delivery/cursor").asText()).isEqualTo(cursor);
        assertThat(t.post(HOOKS + "/" + id + "/replay?after=41", t.adminToken(), "").json().get("reason").asText())
                .isEqualTo("invalid_parameter");
        assertThat(replayed.json().at("/data/enabled").asBoolean()).isTrue();
        Reply ahead = t.post(HOOKS + "/" + id + "/replay?after=7fffffffffffffff0000000000000000", t.adminToken(), "");
        assertThat(ahead.status()).as(ahead.body()).isEqualTo(400);
        assertThat(ahead.json().get("reason").asText()).isEqualTo("invalid_parameter");
        assertThat(ahead.json().get("message").asText()).contains("is ahead of the feed");
        assertThat(t.get(HOOKS + "/" + id, t.adminToken()).json().at("/data/delivery/cursor").asText()).as("unchanged")
                .isEqualTo(cursor);
        Reply outOfRange = t.post(HOOKS + "/" + id + "/replay?after=" + "f".repeat(32), t.adminToken(), "");
        assertThat(outOfRange.json().get("reason").asText()).isEqualTo("invalid_parameter");
        assertThat(outOfRange.json().get("message").asText()).contains("out of range").doesNotContain("-1");
        assertThat(t.post(HOOKS + "/" + id + "/replay", t.adminToken(), "").json().get("reason").asText()).isEqualTo("missing_params");
    }

    private JsonNode parse(String text) {
        try {
            return t.json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
