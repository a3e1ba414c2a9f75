package io.metering.adapters.http.outbound;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the service calls webhook receivers (docs/webhooks.md "Outbound protection").
 *
 * @param allowedHosts host names and IP literals the operator allows over plain HTTP and on private
 *     addresses ({@code METERING_WEBHOOK_ALLOWED_HOSTS}), compared case-insensitively
 * @param timeout the bound of connecting, and again of the whole request and answer
 */
public record OutboundSettings(Set<String> allowedHosts, Duration timeout) {
    /** The default bound of a request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Normalizes the hosts (lower case, IPv6 literals without brackets). */
    public OutboundSettings {
        allowedHosts = allowedHosts.stream().map(OutboundSettings::normalized).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Whether the operator listed the URL's host. */
    boolean allows(String host) {
        return host != null && allowedHosts.contains(normalized(host));
    }

    static String normalized(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
