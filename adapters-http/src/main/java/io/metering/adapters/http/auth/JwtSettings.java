package io.metering.adapters.http.auth;

import io.metering.application.access.CallerKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How bearer tokens are verified (docs/authentication.md):
 * <ul>
 *   <li>keys: an HS256 secret (development and simple setups) and/or a JWK set of public keys
 *       ({@link JwksSettings}); at least one of them;</li>
 *   <li>per token kind, the issuer and audience it must carry ({@link IssuerRule});</li>
 *   <li>the clock tolerance for {@code exp} and {@code nbf}.</li>
 * </ul>
 * {@link #toString()} never shows the secret.
 */
public final class JwtSettings {
    /** Shortest accepted secret: 256 bits, the HS256 key size (RFC 7518 section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;
    /** Default tolerance for clock differences between token issuer and this service. */
    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);
    /** Largest accepted tolerance: more would keep expired tokens alive for long. */
    public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);

    private final byte[] secret;
    private final IssuerRule admin;
    private final IssuerRule portal;
    private final JwksSettings jwks;
    private final Duration leeway;

    private JwtSettings(Builder b) {
        if (b.secret == null && b.jwks == null) {
            throw new IllegalArgumentException("tokens need a key: an HS256 secret or a JWK set");
        }
        if (b.secret != null && b.secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        Objects.requireNonNull(b.leeway, "leeway");
        if (b.leeway.isNegative() || b.leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new IllegalArgumentException("the token leeway must be between 0 and 5 minutes");
        }
        this.secret = b.secret == null ? null : b.secret.clone();
        this.admin = Objects.requireNonNull(b.admin, "admin");
        this.portal = Objects.requireNonNull(b.portal, "portal");
        this.jwks = b.jwks;
        this.leeway = b.leeway;
    }

    /**
     * HS256 settings with one issuer and audience rule for both kinds.
     *
     * @param secret the HMAC secret, at least {@value #MIN_SECRET_BYTES} bytes
     * @param issuer the required {@code iss}, or null to accept any
     * @param audience the required {@code aud} entry, or null to accept any
     * @param leeway clock tolerance for {@code exp} and {@code nbf}, 0 to 5 minutes
     * @throws IllegalArgumentException if the secret is too short or the leeway out of range
     */
    public JwtSettings(byte[] secret, String issuer, String audience, Duration leeway) {
        this(builder().secret(Objects.requireNonNull(secret, "secret")).bothKinds(new IssuerRule(issuer, audience)).leeway(leeway));
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

    /** A builder: no keys, no issuer or audience checks, {@link #DEFAULT_LEEWAY}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy of the HS256 secret; empty when HS256 tokens are not accepted. */
    Optional<byte[]> secret() {
        return Optional.ofNullable(secret).map(byte[]::clone);
    }

    /** The issuer and audience tokens of the kind must carry. */
    public IssuerRule rule(CallerKind kind) {
        return kind == CallerKind.ADMIN ? admin : portal;
    }

    /** The JWK set of asymmetric keys, if configured. */
    public Optional<JwksSettings> jwks() {
        return Optional.ofNullable(jwks);
    }

    /** Whether HS256 tokens are accepted (a secret is configured). */
    public boolean acceptsHs256() {
        return secret != null;
    }

    /** The clock tolerance. */
    public Duration leeway() {
        return leeway;
    }

    @Override
    public String toString() {
        return "JwtSettings[secret=" + (secret == null ? "none" : "<" + secret.length + " bytes>") + ", admin=" + admin + ", portal="
                + portal + ", jwks=" + (jwks == null ? "none" : jwks.describe()) + ", leeway=" + leeway + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JwtSettings other && Arrays.equals(secret, other.secret) && admin.equals(other.admin)
                && portal.equals(other.portal) && Objects.equals(jwks, other.jwks) && leeway.equals(other.leeway);
    }

    @Override
    public int hashCode() {
        return Objects.hash(admin, portal, jwks, leeway);
    }

    /** Builds {@link JwtSettings}. */
    public static final class Builder {
        private byte[] secret;
        private IssuerRule admin = IssuerRule.any();
        private IssuerRule portal = IssuerRule.any();
        private JwksSettings jwks;
        private Duration leeway = DEFAULT_LEEWAY;

        private Builder() {}

        /** The HS256 secret (at least {@value #MIN_SECRET_BYTES} bytes), or null for none. */
        public Builder secret(byte[] secret) {
            this.secret = secret == null ? null : secret.clone();
            return this;
        }

        /** The rule for admin tokens. */
        public Builder admin(IssuerRule rule) {
            this.admin = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** The rule for portal tokens. */
        public Builder portal(IssuerRule rule) {
            this.portal = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** One rule for both kinds. */
        public Builder bothKinds(IssuerRule rule) {
            return admin(rule).portal(rule);
        }

        /** The JWK set, or null for none. */
        public Builder jwks(JwksSettings jwks) {
            this.jwks = jwks;
            return this;
        }

        /** The clock tolerance, 0 to 5 minutes. */
        public Builder leeway(Duration leeway) {
            this.leeway = leeway;
            return this;
        }

        /**
         * @throws IllegalArgumentException without any key, with a short secret or a leeway out of range
         */
        public JwtSettings build() {
            return new JwtSettings(this);
        }
    }
}
