package io.metering.adapters.persistence.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from {@code timestamptz}. Instants travel as ISO-8601 text cast in SQL
 * ({@code CAST(:t AS timestamptz)}), which is exact and independent of the JVM's and the session's
 * time zones, and works the same for scalars and arrays.
 *
 * <p>Stored instants are whole milliseconds (docs/domain.md#values-instants-days). A query bound
 * finer than that is turned into the whole millisecond that selects exactly the same stored
 * instants - the ceiling for {@code ts >= t} and {@code ts < t}, the floor for {@code ts <= t} and
 * {@code ts > t} - because PostgreSQL would otherwise round it to microseconds.
 */
final class SqlInstants {
    /** The instants PostgreSQL reads from {@link Instant#toString()}: four-digit years. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private SqlInstants() {}

    /** The text of an instant to store, at the stored precision. */
    static String stored(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** {@link #stored} of an optional instant: null (SQL NULL) for none. */
    static String storedOrNull(Instant t) {
        return t == null ? null : stored(t);
    }

    /** Whether the instant is a whole millisecond, so that a stored instant can equal it. */
    static boolean isWholeMillisecond(Instant t) {
        return t.getNano() % 1_000_000 == 0;
    }

    /** The bound for {@code ts >= t} and {@code ts < t}. */
    static String ceiling(Instant t) {
        if (t.isAfter(LATEST)) {
            return "infinity";
        }
        Instant floor = t.truncatedTo(ChronoUnit.MILLIS);
        return bound(floor.equals(t) ? t : floor.plusMillis(1));
    }

    /** The bound for {@code ts <= t} and {@code ts > t}. */
    static String floor(Instant t) {
        return bound(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Beyond the years PostgreSQL reads (where nothing can be stored), {@code -infinity} and
     * {@code infinity} compare exactly like the instant, so callers may pass {@link Instant#MIN} or
     * {@link Instant#MAX}.
     */
    private static String bound(Instant t) {
        if (t.isBefore(EARLIEST)) {
            return "-infinity";
        }
        return t.isAfter(LATEST) ? "infinity" : t.toString();
    }

    /** @return the instant of a {@code timestamptz} column, or null */
    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
