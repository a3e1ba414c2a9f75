package io.metering.bootstrap.reliability;

import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.http.auth.TokenClaims;
import io.metering.adapters.http.auth.TokenMinter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Tokens signed with the secret every reliability test configures its service with. */
final class Tokens {
    /** The HS256 secret of the services the tests start ({@code METERING_JWT_SECRET}). */
    static final String SECRET = "reliability-test-secret-of-at-least-32-bytes";
    private static final Duration TTL = Duration.ofHours(2);
    private static final JwtSettings SETTINGS = JwtSettings.of(SECRET, null, null);

    private Tokens() {}

    static String admin(String org) {
        return new TokenMinter(SETTINGS, Clock.systemUTC()).mint(TokenClaims.admin(org, "reliability-admin"), TTL);
    }

    static String portal(String org, String contactId, String... contractIds) {
        return new TokenMinter(SETTINGS, Clock.systemUTC()).mint(TokenClaims.portal(org, "reliability-customer", contactId,
                List.of(contractIds)), TTL);
    }

    /** The authenticator of an in-process service. */
    static JwtAuthenticator authenticator() {
        return new JwtAuthenticator(SETTINGS, Clock.systemUTC());
    }
}
