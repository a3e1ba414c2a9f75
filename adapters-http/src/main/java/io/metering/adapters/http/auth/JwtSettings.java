package io.metering.adapters.http.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How bearer tokens are signed and checked: HS256 with a shared secret; issuer and audience are
 * checked when configured. {@link #toString()} never shows the secret.
 */
public final class JwtSettings {
    /** Shortest accepted secret: 256 bits, the HS256 key size (RFC 7518 section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;
    /** Default tolerance for clock differences between token issuer and this service. */
    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);

    private final byte[] secret;
    private final String issuer;
    private final String audience;
    private final Duration leeway;

    /**
     * @param secret the HMAC secret, at least {@value #MIN_SECRET_BYTES} bytes
     * @param issuer the required {@code iss}, or null to accept any
     * @param audience the required {@code aud} entry, or null to accept any
     * @param leeway clock tolerance for {@code exp} and {@code nbf}, 0 to 5 minutes
     * @throws IllegalArgumentException if the secret is too short or the leeway out of range
     */
    public JwtSettings(byte[] secret, String issuer, String audience, Duration leeway) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("the token leeway must be between 0 and 5 minutes");
        }
        this.secret = secret.clone();
        this.issuer = blankToNull(issuer);
        this.audience = blankToNull(audience);
        this.leeway = leeway;
    }

    /**
     * Settings from a secret given as text (its UTF-8 bytes), with {@link #DEFAULT_LEEWAY}.
     *
     * @throws IllegalArgumentException if the secret is shorter than {@value #MIN_SECRET_BYTES} bytes
     */
    public static JwtSettings of(String secret, String issuer, String audience) {
        return new JwtSettings(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8), issuer, audience,
                DEFAULT_LEEWAY);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A copy of the secret. */
    byte[] secret() {
        return secret.clone();
    }

    /** The required issuer, or null. */
    public String issuer() {
        return issuer;
    }

    /** The required audience, or null. */
    public String audience() {
        return audience;
    }

    /** The clock tolerance. */
    public Duration leeway() {
        return leeway;
    }

    @Override
    public String toString() {
        return "JwtSettings[secret=<" + secret.length + " bytes>, issuer=" + issuer + ", audience=" + audience + ", leeway="
                + leeway + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JwtSettings other && Arrays.equals(secret, other.secret) && Objects.equals(issuer, other.issuer)
                && Objects.equals(audience, other.audience) && leeway.equals(other.leeway);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, audience, leeway);
    }
}
