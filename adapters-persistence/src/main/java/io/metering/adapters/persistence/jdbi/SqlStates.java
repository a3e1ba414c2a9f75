package io.metering.adapters.persistence.jdbi;

import java.sql.SQLException;
import java.util.Optional;

/** The SQLSTATE codes the adapter reacts to, found anywhere in an exception's cause chain. */
final class SqlStates {
    /** {@code unique_violation}: a key that a concurrent transaction stored first. */
    static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {}

    /** The SQLSTATE of the first {@link SQLException} in the cause chain that carries one. */
    static Optional<String> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null) {
                        return Optional.of(s.getSQLState());
                    }
                }
            }
        }
        return Optional.empty();
    }

    static boolean isUniqueViolation(Throwable e) {
        return of(e).filter(UNIQUE_VIOLATION::equals).isPresent();
    }
}
