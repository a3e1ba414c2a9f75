package io.metering.bootstrap.config;

import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.web.WebSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The service's configuration, read from environment variables (one table, {@link #SETTINGS}).
 *
 * @param httpPort port of the HTTP API
 * @param dataDir directory of the embedded database and of the generated development secret
 * @param embeddedDbPort port of the embedded PostgreSQL, 0 for any free port
 * @param jdbcUrl JDBC URL of an external PostgreSQL; empty means the embedded store
 * @param dbUser database user for the external PostgreSQL
 * @param dbPassword database password for the external PostgreSQL
 * @param dbPoolSize maximum pooled connections
 * @param dbConnectionTimeout how long a request waits for a database connection before answering 503
 * @param tokens how bearer tokens are verified (secret, JWK set, issuers and audiences)
 * @param businessZone the business time zone (docs/domain.md#values-instants-days)
 * @param timescale whether to use TimescaleDB when the database offers it
 * @param chunkInterval the time span of a new hypertable chunk of readings (whole days, at least one;
 *     docs/timescale.md "Chunk interval")
 * @param maxBodyBytes the largest accepted request body
 * @param web the customer portal's sign-in and the origins allowed to call the API from a browser
 * @param events whether change events are recorded and how long they are kept (docs/events.md)
 * @param webhooks how webhooks are delivered: allowed hosts, timeout, lease, retries (docs/webhooks.md)
 */
public record Configuration(int httpPort, Path dataDir, int embeddedDbPort, Optional<String> jdbcUrl, String dbUser,
        String dbPassword, int dbPoolSize, Duration dbConnectionTimeout, TokenConfiguration tokens, ZoneId businessZone,
        boolean timescale, Duration chunkInterval, long maxBodyBytes, WebSettings web, EventsConfiguration events, WebhookConfiguration webhooks) {

    /** Every setting with its default; the README's configuration table mirrors this list. */
    public static final List<Setting> SETTINGS = Stream.concat(Stream.of(
            new Setting("METERING_HTTP_PORT", "8080", "Port of the HTTP API."),
            new Setting("METERING_DATA_DIR", "./metering-data", "Directory of the embedded PostgreSQL data (survives restarts) and of the generated development JWT secret."),
            new Setting("METERING_DB_PORT", "0", "Port of the embedded PostgreSQL; 0 picks a free port."),
            new Setting("METERING_JDBC_URL", null, "JDBC URL of an external PostgreSQL/TimescaleDB, e.g. jdbc:postgresql://db:5432/metering. When set, no embedded database starts."),
            new Setting("METERING_DB_USER", "postgres", "User for METERING_JDBC_URL."),
            new Setting("METERING_DB_PASSWORD", "", "Password for METERING_JDBC_URL."),
            new Setting("METERING_DB_POOL_SIZE", "8", "Maximum number of pooled database connections (at least 2: schema migration holds two)."),
            new Setting("METERING_DB_CONNECTION_TIMEOUT_MS", "5000", "How long a request waits for a database connection (at least 250); past it, for instance while the database is down, it answers 503."),
            new Setting("METERING_TIME_ZONE", "Europe/Berlin", "Business time zone for calendar days (date-only ranges, same-day matching)."),
            new Setting("METERING_TIMESCALE", "auto", "auto: make readings a TimescaleDB hypertable when the database offers the extension; off: plain PostgreSQL tables."),
            new Setting("METERING_TIMESCALE_CHUNK_DAYS", String.valueOf(PersistenceSettings.DEFAULT_CHUNK_INTERVAL.toDays()), "Days of readings per TimescaleDB chunk (1 to 3650), for chunks created from then on; docs/timescale.md says how to choose."),
            new Setting("METERING_MAX_BODY_BYTES", "4194304", "Largest accepted request body in bytes (a prune keep list of 10,000 ids fits).")),
            Stream.of(TokenConfiguration.SETTINGS, OperationsConfiguration.SETTINGS, WebConfiguration.SETTINGS, EventsConfiguration.SETTINGS,
                    WebhookConfiguration.SETTINGS)
                    .flatMap(List::stream)).toList();

    /**
     * Reads the configuration.
     *
     * @param env environment variables (normally {@link System#getenv()})
     * @throws ConfigurationException naming the first malformed setting
     */
    public static Configuration from(Map<String, String> env) {
        return new Configuration(
                port(env, "METERING_HTTP_PORT", false),
                Path.of(value(env, "METERING_DATA_DIR")).toAbsolutePath().normalize(),
                port(env, "METERING_DB_PORT", true),
                optional(env, "METERING_JDBC_URL"),
                value(env, "METERING_DB_USER"),
                value(env, "METERING_DB_PASSWORD"),
                atLeast(env, "METERING_DB_POOL_SIZE", 2),
                Duration.ofMillis(atLeast(env, "METERING_DB_CONNECTION_TIMEOUT_MS", 250)),
                TokenConfiguration.from(env),
                zone(env, "METERING_TIME_ZONE"),
                timescale(env),
                chunkInterval(env),
                positiveInt(env, "METERING_MAX_BODY_BYTES"),
                WebConfiguration.from(env),
                EventsConfiguration.from(env),
                WebhookConfiguration.from(env));
    }

    /** Whether the embedded PostgreSQL is used. */
    public boolean embeddedStore() {
        return jdbcUrl.isEmpty();
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return SETTINGS.stream().filter(s -> s.name().equals(name)).findFirst().map(Setting::defaultValue).orElse("");
        }
        return v.trim();
    }

    /** A setting's trimmed value, empty when unset or blank. */
    static Optional<String> optional(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int port(Map<String, String> env, String name, boolean zeroAllowed) {
        int p = integer(env, name);
        if (p < (zeroAllowed ? 0 : 1) || p > 65535) {
            throw new ConfigurationException(name + " must be a port number" + (zeroAllowed ? " or 0" : "") + ", not " + p);
        }
        return p;
    }

    private static int positiveInt(Map<String, String> env, String name) {
        return atLeast(env, name, 1);
    }

    private static int atLeast(Map<String, String> env, String name, int min) {
        int v = integer(env, name);
        if (v < min) {
            throw new ConfigurationException(name + " must be at least " + min + ", not " + v);
        }
        return v;
    }

    private static int integer(Map<String, String> env, String name) {
        String v = value(env, name);
        // ASCII digits only: Integer.parseInt also takes other scripts' digits, which no operator means to type
        if (!v.matches("-?[0-9]+")) {
            throw new ConfigurationException(name + " must be a whole number, not '" + v + "'");
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " is too large: '" + v + "'");
        }
    }

    private static ZoneId zone(Map<String, String> env, String name) {
        String v = value(env, name);
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw new ConfigurationException(name + " must be an IANA time zone such as Europe/Berlin, not '" + v + "'");
        }
    }

    private static boolean timescale(Map<String, String> env) {
        String v = value(env, "METERING_TIMESCALE");
        return switch (v) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw new ConfigurationException("METERING_TIMESCALE must be auto or off, not '" + v + "'");
        };
    }

    /** At most ten years: a longer chunk would hold every reading a utility keeps, the same as no chunks. */
    private static Duration chunkInterval(Map<String, String> env) {
        int days = positiveInt(env, "METERING_TIMESCALE_CHUNK_DAYS");
        if (days > 3650) {
            throw new ConfigurationException("METERING_TIMESCALE_CHUNK_DAYS must be at most 3650 (ten years), not " + days);
        }
        return Duration.ofDays(days);
    }

    @Override
    public String toString() {
        // the secret and the password never reach logs
        return "Configuration[httpPort=" + httpPort + ", dataDir=" + dataDir + ", embeddedDbPort=" + embeddedDbPort
                + ", jdbcUrl=" + jdbcUrl.map(u -> u.replaceAll("password=[^&]*", "password=***")).orElse("(embedded)")
                + ", dbUser=" + dbUser + ", dbPoolSize=" + dbPoolSize + ", dbConnectionTimeout=" + dbConnectionTimeout.toMillis()
                + "ms, " + tokens + ", businessZone=" + businessZone
                + ", timescale=" + timescale + ", chunkInterval=" + chunkInterval.toDays() + "d, maxBodyBytes=" + maxBodyBytes + ", " + events + "]";
    }
}
