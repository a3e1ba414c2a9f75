package io.metering.bootstrap.config;

import io.metering.adapters.http.outbound.OutboundSettings;
import io.metering.application.model.WebhookRetrySchedule;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The webhook delivery settings (docs/webhooks.md): which hosts may be called over plain HTTP or on
 * private addresses, the request timeout, the lease of a claimed subscription and the retry
 * schedule.
 *
 * @param outbound the allowed hosts and the request timeout
 * @param lease how long an instance holds a subscription it delivers unless it renews the claim;
 *     after a kill, another instance takes over once it ran out
 * @param retries the waits after each failed attempt of one event
 */
public record WebhookConfiguration(OutboundSettings outbound, Duration lease, WebhookRetrySchedule retries) {
    /** The settings; part of {@link Configuration#SETTINGS}. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("METERING_WEBHOOK_ALLOWED_HOSTS", null, "Comma-separated host names or IP addresses webhooks may reach over plain http and on private addresses (tests, an ERP on premises). Unset: https to public addresses only."),
            new Setting("METERING_WEBHOOK_TIMEOUT", "PT10S", "Bound of connecting to a webhook receiver, and again of its whole answer (ISO-8601 duration, PT1S to PT60S); a slower receiver's attempt fails and is retried."),
            new Setting("METERING_WEBHOOK_LEASE", "PT1M", "How long an instance holds a webhook subscription it delivers before another may take it over, e.g. after a kill (ISO-8601 duration, more than four times METERING_WEBHOOK_TIMEOUT)."),
            new Setting("METERING_WEBHOOK_RETRY_SCHEDULE", "PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H", "Comma-separated waits (ISO-8601 durations) after the first, second, ... failed attempt of one event; when they are used up the subscription is disabled."));

    /** Nothing allowed beyond public https, 10 s timeout, 1 min lease, the default schedule. */
    public static WebhookConfiguration defaults() {
        return from(Map.of());
    }

    /**
     * @param env environment variables
     * @throws ConfigurationException naming the first malformed setting
     */
    public static WebhookConfiguration from(Map<String, String> env) {
        Set<String> hosts = Configuration.optional(env, "METERING_WEBHOOK_ALLOWED_HOSTS").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        Duration timeout = duration(env, "METERING_WEBHOOK_TIMEOUT", "PT10S");
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new ConfigurationException("METERING_WEBHOOK_TIMEOUT must be between PT1S and PT60S, not " + timeout);
        }
        Duration lease = duration(env, "METERING_WEBHOOK_LEASE", "PT1M");
        // a request may take a connect and an answer timeout; the lease must outlast that with room to renew
        if (lease.compareTo(timeout.multipliedBy(4)) <= 0) {
            throw new ConfigurationException("METERING_WEBHOOK_LEASE must be more than four times METERING_WEBHOOK_TIMEOUT (" + timeout
                    + "), not " + lease);
        }
        String schedule = Configuration.optional(env, "METERING_WEBHOOK_RETRY_SCHEDULE").orElse(SETTINGS.get(3).defaultValue());
        List<Duration> delays = Arrays.stream(schedule.split(",")).map(String::trim).map(d -> parse("METERING_WEBHOOK_RETRY_SCHEDULE", d))
                .toList();
        if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new ConfigurationException("METERING_WEBHOOK_RETRY_SCHEDULE must list positive durations, not '" + schedule + "'");
        }
        return new WebhookConfiguration(new OutboundSettings(hosts, timeout), lease, new WebhookRetrySchedule(delays));
    }

    /** The longest one request can take: connecting, then the answer. */
    public Duration requestBound() {
        return outbound.timeout().multipliedBy(2);
    }

    private static Duration duration(Map<String, String> env, String name, String fallback) {
        return parse(name, Configuration.optional(env, name).orElse(fallback));
    }

    private static Duration parse(String name, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(name + " must be ISO-8601 durations such as PT10S, not '" + text + "'");
        }
    }
}
