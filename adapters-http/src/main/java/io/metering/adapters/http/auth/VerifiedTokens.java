package io.metering.adapters.http.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens verified in the last {@link #MAX_AGE}, so that the requests a client sends with one
 * token check its signature once rather than each time (the signature check and claim parsing were 6 %
 * of the service's CPU in the steady v2 ingest: docs/benchmarks.md, "Steady state: the warm-up").
 *
 * <p>A remembered token is answered only while the full check would surely accept it too: before its
 * {@code exp} and from its {@code nbf} without the leeway (inside the leeway the full check runs
 * again), and for at most {@link #MAX_AGE} after it was verified, so a key removed from the JWK set
 * stops being accepted at most that much later than without this memory (docs/authentication.md).
 * Keyed by the exact token text; refused tokens are never remembered. Holds at most
 * {@link #CAPACITY} tokens and forgets them all when full.
 */
final class VerifiedTokens {
    /** How long a verification is trusted. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** How many tokens are remembered at most. */
    static final int CAPACITY = 1024;

    private record Entry(VerifiedToken token, Instant verifiedAt, Instant notBefore, Instant expiry) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return what the token was verified to grant, or {@code null} if it must be checked again */
    VerifiedToken find(String token) {
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        Instant now = clock.instant();
        if (now.isBefore(e.expiry()) && !now.isBefore(e.notBefore()) && !now.isBefore(e.verifiedAt())
                && now.isBefore(e.verifiedAt().plus(MAX_AGE))) {
            return e.token();
        }
        entries.remove(token, e);
        return null;
    }

    /**
     * Remembers a token the full check has just accepted.
     *
     * @param expiry its {@code exp}; a token without one is not remembered
     * @param notBefore its {@code nbf}, or {@code null}
     */
    void remember(String token, VerifiedToken verified, Date expiry, Date notBefore) {
        if (expiry == null) {
            return;
        }
        if (entries.size() >= CAPACITY) {
            entries.clear();
        }
        entries.put(token, new Entry(verified, clock.instant(), notBefore == null ? Instant.MIN : notBefore.toInstant(),
                expiry.toInstant()));
    }
}
