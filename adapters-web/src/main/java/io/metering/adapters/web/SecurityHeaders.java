package io.metering.adapters.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The headers every portal response carries: a Content-Security-Policy that admits no inline script
 * or style and nothing from elsewhere (the page works offline), no framing, no referrer beyond the
 * origin, no content sniffing.
 */
final class SecurityHeaders {
    private SecurityHeaders() {}

    /**
     * @param signIn the OpenID provider, whose origin the page must reach (discovery, token endpoint)
     *     and navigate to (authorization endpoint)
     */
    static Map<String, String> of(Optional<PortalSignIn> signIn) {
        String provider = signIn.map(s -> " " + s.issuerOrigin()).orElse("");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " font-src 'self'; connect-src 'self'" + provider + "; form-action 'self'" + provider
                + "; frame-ancestors 'none'; base-uri 'none'; manifest-src 'self'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return Map.copyOf(headers);
    }
}
