package io.metering.adapters.http.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.events.Event;
import java.net.MalformedURLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the cached JWK source of {@link JwksSettings} with nimbus's {@link JWKSourceBuilder}:
 * <ul>
 *   <li>cache for {@link JwksSettings#cacheTtl()}, refreshed in the background
 *       {@value #REFRESH_AHEAD_MILLIS} ms before it expires (scheduled, so that idle periods do not
 *       leave a stale set), on daemon threads so that they never keep the JVM alive;</li>
 *   <li>a token naming an unknown {@code kid} re-reads the set at once, at most once every
 *       {@value #RATE_LIMIT_MILLIS} ms (rate limit), so that rotated keys are picked up quickly and
 *       a flood of made-up key ids cannot hammer the key server;</li>
 *   <li>URL only: one retry on a network error; nimbus's HTTP timeouts and size limit;</li>
 *   <li>outage tolerance: while the URL or file is unavailable, the last good set stays in use for
 *       ten cache lifetimes, and each outage is logged.</li>
 * </ul>
 */
final class JwkSources {
    static final long REFRESH_AHEAD_MILLIS = 30_000;
    static final long RATE_LIMIT_MILLIS = 30_000;
    private static final long REFRESH_TIMEOUT_MILLIS = JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT;
    private static final Logger LOG = LoggerFactory.getLogger(JwkSources.class);

    private JwkSources() {}

    /**
     * @throws IllegalArgumentException if the URL is not a valid URL
     */
    static JWKSource<SecurityContext> of(JwksSettings settings) {
        JWKSourceBuilder<SecurityContext> builder;
        if (settings.url() != null) {
            try {
                builder = JWKSourceBuilder.<SecurityContext>create(settings.url().toURL()).retrying(true);
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the JWK set URL is not a valid URL: " + settings.url(), e);
            }
        } else {
            builder = JWKSourceBuilder.create(new JwkFileSource(settings.file()));
        }
        long ttl = settings.cacheTtl().toMillis();
        String source = settings.describe();
        return builder
                .cache(ttl, REFRESH_TIMEOUT_MILLIS)
                .refreshAheadCache(REFRESH_AHEAD_MILLIS, null, daemonExecutor(), true, daemonScheduler(), true)
                .rateLimited(RATE_LIMIT_MILLIS)
                .outageTolerant(ttl * 10, event -> logOutage(source, event))
                .build();
    }

    /**
     * Reads the set once at start and logs how many of its keys are usable, so that a key set
     * without usable keys (say, keys without {@code alg} and no default algorithm) shows at once.
     *
     * @throws IllegalArgumentException if a JWK set file cannot be read: a configuration error. An
     *     unreachable URL is only logged, since the key server may come up after this service.
     */
    static void check(JWKSource<SecurityContext> source, JwksSettings settings) {
        List<JWK> keys;
        try {
            keys = source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        } catch (KeySourceException e) {
            if (settings.file() != null) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            LOG.warn("JWK set {} is not reachable yet ({}); tokens signed with its keys answer 503 until it is", settings.describe(),
                    e.getMessage());
            return;
        }
        List<String> usable = keys.stream()
                .flatMap(k -> JwkAlgorithms.pinned(k, settings.defaultAlgorithm()).map(a -> a + " kid=" + k.getKeyID()).stream())
                .toList();
        if (usable.isEmpty()) {
            LOG.warn("JWK set {} holds {} key(s), none usable: a key needs an asymmetric signature alg (or a configured default"
                    + " algorithm that fits it), use sig, RSA of at least {} bits or an EC key", settings.describe(), keys.size(),
                    JwkAlgorithms.MIN_RSA_BITS);
        } else {
            LOG.info("JWK set {}: {} of {} key(s) usable: {}", settings.describe(), usable.size(), keys.size(), usable);
        }
    }

    private static void logOutage(String source, Event<OutageTolerantJWKSetSource<SecurityContext>, SecurityContext> event) {
        if (event instanceof OutageTolerantJWKSetSource.OutageEvent<SecurityContext> outage) {
            LOG.warn("JWK set {} is unavailable ({}); using the last good set for {} s more", source,
                    outage.getException().getMessage(), outage.getRemainingTime() / 1000);
        }
    }

    private static ExecutorService daemonExecutor() {
        return Executors.newSingleThreadExecutor(daemon("jwks-refresh"));
    }

    private static ScheduledExecutorService daemonScheduler() {
        return Executors.newSingleThreadScheduledExecutor(daemon("jwks-refresh-schedule"));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
