package io.metering.bootstrap.reliability;

import io.metering.testing.BearerTokens;

import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.auth.JwtSettings;
import java.time.Clock;
import java.time.Duration;

/** Tokens signed with the secret every reliability test configures its service with. */
final class Tokens {
    /** The HS256 secret of the services the tests start ({@code METERING_JWT_SECRET}). */
    static final String SECRET = "reliability-test-secret-of-at-least-32-bytes";
    private static final Duration TTL = Duration.ofHours(2);
    private static final JwtSettings SETTINGS = JwtSettings.of(SECRET, null, null);
    private static final BearerTokens TOKENS = BearerTokens.hs256(SECRET).withTtl(TTL);

    private Tokens() {}

    static String admin(String org) {
        return TOKENS.admin(org, "reliability-admin");
    }

    static String portal(String org, String contactId, String... contractIds) {
        return TOKENS.portal(org, "reliability-customer", contactId, contractIds);
    }

    /** The authenticator of an in-process service. */
    static JwtAuthenticator authenticator() {
        return new JwtAuthenticator(SETTINGS, Clock.systemUTC());
    }
}
