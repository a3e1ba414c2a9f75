package io.metering.adapters.http;

import io.metering.testing.BearerTokens;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.http.web.Guard;
import io.metering.application.access.Caller;
import io.metering.domain.meter.Meter;
import io.metering.domain.tenant.OrganizationId;
import io.metering.testing.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract's AsOrganization header {@code x-ivy-org-id}: naming the token's own organization
 * changes nothing; another organization is entered only by admin tokens whose {@code act_for_orgs}
 * names it (or holds {@code "*"}); everything else answers 403 before any data is looked at.
 */
class ActingOrganizationTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static Meter otherOrgMeter;

    @BeforeAll
    static void start() {
        t.powerMeterOf("contact-1");
        otherOrgMeter = t.meter(Caller.admin(new OrganizationId(TestApp.OTHER_ORG), "setup"),
                Map.of("sector", "gas", "meter_number", "OTHER-ORG-METER"));
    }

    private static Reply get(String path, String token, String org) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path))).header("Authorization", "Bearer " + token);
        if (org != null) {
            b.header(Guard.ORG_HEADER, org);
        }
        return t.send(b.GET().build());
    }

    private static String adminActingFor(String... orgs) {
        return t.tokens.admin(TestApp.ORG, "support", BearerTokens.actingFor(List.of(orgs)));
    }

    @Test
    void theTokensOwnOrganizationChangesNothing() {
        assertThat(get("/v1/metering/admin/meters", t.adminToken(), TestApp.ORG).status()).isEqualTo(200);
        assertThat(get("/v1/metering/meter", t.portalToken("contact-1"), TestApp.ORG).status()).isEqualTo(200);
    }

    @Test
    void anotherOrganizationNeedsActForOrgs() {
        String path = "/v1/metering/admin/meters/" + otherOrgMeter.id();

        assertReason(get(path, t.adminToken(), TestApp.OTHER_ORG), 403, "forbidden_option");
        assertReason(get(path, adminActingFor("org-3"), TestApp.OTHER_ORG), 403, "forbidden_option");
        assertReason(get("/v1/metering/meter", t.portalToken("contact-1"), TestApp.OTHER_ORG), 403, "forbidden_option");

        Reply delegated = get(path, adminActingFor(TestApp.OTHER_ORG), TestApp.OTHER_ORG);
        assertThat(delegated.status()).as(delegated.toString()).isEqualTo(200);
        assertThat(delegated.body()).contains("OTHER-ORG-METER");
        assertThat(get(path, adminActingFor("*"), TestApp.OTHER_ORG).status()).isEqualTo(200);
        assertReason(get(path, adminActingFor(TestApp.OTHER_ORG), null), 404, "not_found");
    }

    @Test
    void aMalformedOrganizationIsRefusedLikeAnyOtherOrganization() {
        for (String org : List.of("has space", "x".repeat(65))) {
            assertReason(get("/v1/metering/admin/meters", adminActingFor("*"), org), 403, "forbidden_option");
        }
    }

    @Test
    void permissionsListedInTheTokenBindTheChangesetActions() {
        String path = "/v1/metering/reading/" + java.util.UUID.randomUUID() + "/" + java.util.UUID.randomUUID() + "/changesets/"
                + java.util.UUID.randomUUID() + ":dismiss";
        String limited = t.tokens.admin(TestApp.ORG, "viewer", BearerTokens.limitedTo(List.of("meter_reading:view")));
        String editor = t.tokens.admin(TestApp.ORG, "editor", BearerTokens.limitedTo(List.of("meter_reading:edit")));

        assertReason(t.post(path, limited, null), 403, "forbidden_option");
        // allowed: the changeset does not exist, which is the next thing to find out
        assertReason(t.post(path, editor, null), 404, "not_found");
        assertReason(t.post(path, t.adminToken(), null), 404, "not_found");
    }
}
