package io.metering.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How bearer tokens are verified, from environment variables ({@link #SETTINGS}; docs/authentication.md): the HS256 secret, a JWK set by URL or file, issuer and audience for all tokens
 * or per kind, and the clock leeway.
 *
 * @param secret HMAC secret for HS256 tokens; empty means a generated development secret, unless a
 *     JWK set is configured, in which case HS256 tokens are refused
 * @param jwksUrl URL of a JWK set, if any
 * @param jwksFile file of a JWK set, if any (never together with the URL)
 * @param jwksDefaultAlgorithm the algorithm of JWK set keys without {@code alg}, if any
 * @param jwksCache how long a fetched JWK set is used
 * @param adminIssuer required {@code iss} of admin tokens
 * @param adminAudience required {@code aud} entry of admin tokens
 * @param portalIssuer required {@code iss} of portal tokens
 * @param portalAudience required {@code aud} entry of portal tokens
 * @param leeway clock tolerance for {@code exp} and {@code nbf}
 */
public record TokenConfiguration(Optional<String> secret, Optional<URI> jwksUrl, Optional<Path> jwksFile,
        Optional<String> jwksDefaultAlgorithm, Duration jwksCache, Optional<String> adminIssuer, Optional<String> adminAudience,
        Optional<String> portalIssuer, Optional<String> portalAudience, Duration leeway) {

    /** The signature algorithms a JWK set key may be pinned to. */
    static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    /** The token settings, in the order the README's configuration table lists them. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("METERING_JWT_SECRET", null, "HMAC secret (at least 32 bytes) for HS256 bearer tokens. Unset: without a JWK set, a"
                    + " random development secret is generated once and kept in METERING_DATA_DIR/jwt-secret; with a JWK set, HS256"
                    + " tokens are refused."),
            new Setting("METERING_JWT_JWKS_URL", null, "URL of a JWK set (e.g. your identity provider's jwks_uri) whose public keys"
                    + " verify RS/PS/ES-signed tokens; cached, refreshed in the background and re-read when a token names an unknown kid."),
            new Setting("METERING_JWT_JWKS_FILE", null, "Path of a JWK set file, instead of a URL; re-read every cache period, so"
                    + " replacing the file rotates keys."),
            new Setting("METERING_JWT_JWKS_DEFAULT_ALG", null, "Algorithm (RS256, PS256, ES256, ...) for JWK set keys without `alg`."
                    + " Unset: such keys are ignored; a key's own `alg` always wins."),
            new Setting("METERING_JWT_JWKS_CACHE_SECONDS", "300", "How long a fetched JWK set is used before it is fetched again"
                    + " (60 to 86400)."),
            new Setting("METERING_JWT_ISSUER", null, "When set, admin and portal tokens must carry this `iss` (unless the kind's own"
                    + " issuer below is set)."),
            new Setting("METERING_JWT_AUDIENCE", null, "When set, admin and portal tokens must carry this `aud` (unless the kind's own"
                    + " audience below is set)."),
            new Setting("METERING_ADMIN_JWT_ISSUER", null, "Required `iss` of admin tokens. With a different METERING_PORTAL_JWT_ISSUER,"
                    + " the issuer tells the kinds apart and a contradicting `kind` claim is refused."),
            new Setting("METERING_ADMIN_JWT_AUDIENCE", null, "Required `aud` of admin tokens."),
            new Setting("METERING_PORTAL_JWT_ISSUER", null, "Required `iss` of portal tokens."),
            new Setting("METERING_PORTAL_JWT_AUDIENCE", null, "Required `aud` of portal tokens."),
            new Setting("METERING_JWT_LEEWAY_SECONDS", "30", "Clock tolerance for `exp` and `nbf`, 0 to 300 seconds."));

    /**
     * @param env environment variables
     * @throws ConfigurationException naming the first malformed setting
     */
    static TokenConfiguration from(Map<String, String> env) {
        Optional<URI> url = optional(env, "METERING_JWT_JWKS_URL").map(TokenConfiguration::url);
        Optional<Path> file = optional(env, "METERING_JWT_JWKS_FILE").map(Path::of).map(p -> p.toAbsolutePath().normalize());
        if (url.isPresent() && file.isPresent()) {
            throw new ConfigurationException("set METERING_JWT_JWKS_URL or METERING_JWT_JWKS_FILE, not both");
        }
        Optional<String> fallback = optional(env, "METERING_JWT_JWKS_DEFAULT_ALG").map(a -> a.toUpperCase(Locale.ROOT));
        fallback.filter(a -> !ALGORITHMS.contains(a)).ifPresent(a -> {
            throw new ConfigurationException("METERING_JWT_JWKS_DEFAULT_ALG must be one of " + String.join(", ", ALGORITHMS.stream()
                    .sorted().toList()) + ", not '" + a + "'");
        });
        Optional<String> issuer = optional(env, "METERING_JWT_ISSUER");
        Optional<String> audience = optional(env, "METERING_JWT_AUDIENCE");
        return new TokenConfiguration(
                optional(env, "METERING_JWT_SECRET").map(TokenConfiguration::checkSecret),
                url, file, fallback,
                Duration.ofSeconds(between(env, "METERING_JWT_JWKS_CACHE_SECONDS", 60, 86_400)),
                optional(env, "METERING_ADMIN_JWT_ISSUER").or(() -> issuer),
                optional(env, "METERING_ADMIN_JWT_AUDIENCE").or(() -> audience),
                optional(env, "METERING_PORTAL_JWT_ISSUER").or(() -> issuer),
                optional(env, "METERING_PORTAL_JWT_AUDIENCE").or(() -> audience),
                Duration.ofSeconds(between(env, "METERING_JWT_LEEWAY_SECONDS", 0, 300)));
    }

    /** Whether a JWK set is configured. */
    public boolean hasJwks() {
        return jwksUrl.isPresent() || jwksFile.isPresent();
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static long between(Map<String, String> env, String name, long min, long max) {
        String v = optional(env, name).orElseGet(() -> SETTINGS.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow().defaultValue());
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be a whole number, not '" + v + "'");
        }
        if (n < min || n > max) {
            throw new ConfigurationException(name + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    private static URI url(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new ConfigurationException("METERING_JWT_JWKS_URL must be an http(s) URL, not '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("METERING_JWT_JWKS_URL must be an http(s) URL, not '" + text + "'");
        }
    }

    private static String checkSecret(String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new ConfigurationException("METERING_JWT_SECRET must be at least 32 bytes long (HS256)");
        }
        return secret;
    }

    @Override
    public String toString() {
        // the secret never reaches logs
        return "tokens[secret=" + (secret.isPresent() ? "***" : hasJwks() ? "(none: HS256 off)" : "(generated)")
                + ", jwks=" + jwksUrl.map(URI::toString).or(() -> jwksFile.map(Path::toString)).orElse("-")
                + jwksDefaultAlgorithm.map(a -> " (keys without alg: " + a + ")").orElse("") + ", jwksCache=" + jwksCache.toSeconds() + "s"
                + ", admin iss/aud=" + adminIssuer.orElse("-") + "/" + adminAudience.orElse("-")
                + ", portal iss/aud=" + portalIssuer.orElse("-") + "/" + portalAudience.orElse("-")
                + ", leeway=" + leeway.toSeconds() + "s]";
    }
}
