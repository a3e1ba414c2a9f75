package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.StoreUnavailableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;

/**
 * Tells failures to reach the database apart from every other failure, so that an outage answers
 * "unavailable, retry" (503) instead of an internal error. Unavailable are: no connection could be
 * opened ({@link ConnectionException}), the pool found no free connection in time (HikariCP's
 * {@link SQLTransientConnectionException}), SQLSTATE class 08 (connection exception: refused,
 * broken, closed), 57P01-57P03 (the server terminated the session or is shutting down, crashed or
 * starting up) and 53300 (too many connections).
 */
final class StoreFailures {
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private StoreFailures() {}

    /**
     * Runs database work, translating unavailability.
     *
     * @throws StoreUnavailableException when the work failed because the database is unreachable
     */
    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (isUnavailable(e)) {
                throw new StoreUnavailableException("the database is unavailable: " + rootMessage(e), e);
            }
            throw e;
        }
    }

    /** Whether the failure means the database cannot be reached now. */
    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return SqlStates.of(e).map(s -> s.startsWith("08") || UNAVAILABLE_STATES.contains(s)).orElse(false);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
