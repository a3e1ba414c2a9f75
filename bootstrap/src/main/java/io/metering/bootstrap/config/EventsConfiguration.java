package io.metering.bootstrap.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The change events' settings (docs/events.md): whether changes are recorded, and how long events
 * are kept.
 *
 * @param enabled whether every change records an event (off: nothing is recorded; the feed stays,
 *     serving what was recorded before)
 * @param retention how long events are kept before the purge deletes them, positive
 */
public record EventsConfiguration(boolean enabled, Duration retention) {
    /** The settings; part of {@link Configuration#SETTINGS}. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("METERING_EVENTS", "on", "on: every committed change records a change event (docs/events.md); off: none are recorded (the feed serves what was recorded before)."),
            new Setting("METERING_EVENTS_RETENTION", "P30D", "How long change events are kept (ISO-8601 duration, at least PT1H); older ones are purged hourly, and a feed cursor older than that answers 410 cursor_expired."));

    /** The shortest retention: a consumer needs a chance to catch up. */
    public static final Duration MIN_RETENTION = Duration.ofHours(1);

    /** @throws IllegalArgumentException if the retention is shorter than {@link #MIN_RETENTION} */
    public EventsConfiguration {
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("retention must be at least " + MIN_RETENTION + ": " + retention);
        }
    }

    /** Recording on, 30 days kept. */
    public static EventsConfiguration defaults() {
        return new EventsConfiguration(true, Duration.ofDays(30));
    }

    /**
     * @param env environment variables
     * @throws ConfigurationException naming the first malformed setting
     */
    public static EventsConfiguration from(Map<String, String> env) {
        String onOff = Configuration.optional(env, "METERING_EVENTS").orElse("on");
        boolean enabled = switch (onOff) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ConfigurationException("METERING_EVENTS must be on or off, not '" + onOff + "'");
        };
        String text = Configuration.optional(env, "METERING_EVENTS_RETENTION").orElse("P30D");
        Duration retention;
        try {
            retention = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("METERING_EVENTS_RETENTION must be an ISO-8601 duration such as P30D or PT12H, not '"
                    + text + "'");
        }
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new ConfigurationException("METERING_EVENTS_RETENTION must be at least " + MIN_RETENTION + ", not " + text);
        }
        return new EventsConfiguration(enabled, retention);
    }
}
