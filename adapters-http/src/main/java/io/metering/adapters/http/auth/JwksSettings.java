package io.metering.adapters.http.auth;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the public keys of asymmetrically signed tokens come from: a JWK set (RFC 7517 section 5)
 * at an HTTPS URL or in a file. Either is read through a cache ({@link #cacheTtl()}) that is
 * refreshed ahead of expiry, and re-read at once (rate limited) when a token names a key id the cache
 * does not hold, so that key rotation needs no restart.
 *
 * <p>Each key verifies only the algorithm it is pinned to: its own {@code alg}; a key without
 * {@code alg} is pinned to {@link #defaultAlgorithm()} when one is configured and fits the key type,
 * and is ignored otherwise ({@link JwkAlgorithms}).
 *
 * @param url the JWK set URL, or null
 * @param file the JWK set file, or null; exactly one of url and file is given
 * @param defaultAlgorithm the algorithm of keys without {@code alg}, or null to ignore such keys
 * @param cacheTtl how long a fetched set is used before it is fetched again, 1 minute to 1 day
 */
public record JwksSettings(URI url, Path file, JWSAlgorithm defaultAlgorithm, Duration cacheTtl) {
    /** Default {@link #cacheTtl()}: nimbus's default, 5 minutes. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

    /**
     * @throws IllegalArgumentException if not exactly one source is given, the URL is not http(s),
     *     the default algorithm is not an asymmetric signature algorithm, or the TTL is out of range
     */
    public JwksSettings {
        if ((url == null) == (file == null)) {
            throw new IllegalArgumentException("a JWK set comes from exactly one of a URL or a file");
        }
        if (url != null) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("the JWK set URL must be http(s), not " + url);
            }
        }
        if (defaultAlgorithm != null && !JwkAlgorithms.ASYMMETRIC.contains(defaultAlgorithm)) {
            throw new IllegalArgumentException("the default JWK algorithm must be one of " + JwkAlgorithms.ASYMMETRIC
                    + ", not " + defaultAlgorithm);
        }
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (cacheTtl.compareTo(Duration.ofMinutes(1)) < 0 || cacheTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the JWK set cache lifetime must be between 1 minute and 1 day");
        }
    }

    /**
     * Settings with the default algorithm given by name ({@code "RS256"}), for callers that do not
     * deal with the JOSE library's types.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static JwksSettings of(URI url, Path file, String defaultAlgorithm, Duration cacheTtl) {
        return new JwksSettings(url, file, defaultAlgorithm == null ? null : JWSAlgorithm.parse(defaultAlgorithm), cacheTtl);
    }

    /** Keys from a URL, cached for {@link #DEFAULT_CACHE_TTL}. */
    public static JwksSettings url(URI url, JWSAlgorithm defaultAlgorithm) {
        return new JwksSettings(url, null, defaultAlgorithm, DEFAULT_CACHE_TTL);
    }

    /** Keys from a file, re-read every {@link #DEFAULT_CACHE_TTL}. */
    public static JwksSettings file(Path file, JWSAlgorithm defaultAlgorithm) {
        return new JwksSettings(null, file, defaultAlgorithm, DEFAULT_CACHE_TTL);
    }

    /** The source for messages: the URL or the file. */
    public String describe() {
        return url != null ? url.toString() : file.toString();
    }
}
