package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.domain.reading.Reading;
import io.metering.domain.tenant.OrganizationId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The prune rule of {@link PruneScope} as SQL (docs/domain.md#batch-v2-and-prune). The dry run and the
 * real run share the scope and the doom condition, so their counts agree by construction: the dry
 * run counts both in one statement; the real run deletes, then counts what is left in scope in the
 * same transaction (the caller holds the counter locks, so nothing else changes the scope between
 * the two). Two statements rather than a data-modifying CTE, which TimescaleDB hypertables have not
 * always accepted.
 */
final class PruneQuery {
    private PruneQuery() {}

    static PruneCounts run(Handle h, OrganizationId org, PruneScope scope, boolean dryRun) {
        String where = scope(scope);
        String doomed = doomed(scope);
        if (dryRun) {
            return bind(h.createQuery("SELECT count(*) FILTER (WHERE " + doomed + ") AS deleted, count(*) AS in_scope"
                    + " FROM reading r WHERE " + where), org, scope)
                    .map((rs, ctx) -> {
                        long deleted = rs.getLong("deleted");
                        return new PruneCounts(deleted, rs.getLong("in_scope") - deleted);
                    })
                    .one();
        }
        int deleted = bind(h.createUpdate("DELETE FROM reading r WHERE " + where + " AND " + doomed), org, scope).execute();
        long kept = bind(h.createQuery("SELECT count(*) FROM reading r WHERE " + where), org, scope).mapTo(Long.class).one();
        return new PruneCounts(deleted, kept);
    }

    /** Deletes what the scope dooms and returns the deleted readings, as they were stored. */
    static List<Reading> deleteReturning(Handle h, OrganizationId org, PruneScope scope) {
        return bind(h.createQuery("DELETE FROM reading r WHERE " + scope(scope) + " AND " + doomed(scope) + " RETURNING "
                + ReadingRows.COLUMNS), org, scope).map((rs, ctx) -> ReadingRows.map(rs)).list();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, OrganizationId org, PruneScope scope) {
        statement.bind("org", org.value())
                .bind("meterId", scope.meterId().toString())
                .bind("keep", TextArray.of(List.copyOf(scope.keepExternalIds())));
        if (scope.counterId() != null) {
            statement.bind("counterId", scope.counterId().toString());
        }
        if (scope.source() != null) {
            statement.bind("source", scope.source().code());
        }
        return statement;
    }

    /** The readings a prune considers: of the meter, optionally of one counter and one source. */
    private static String scope(PruneScope scope) {
        return "r.org_id = :org AND r.meter_id = CAST(:meterId AS uuid)"
                + (scope.counterId() == null ? "" : " AND r.counter_id = CAST(:counterId AS uuid)")
                + (scope.source() == null ? "" : " AND r.source = :source");
    }

    /**
     * Readings with an external id outside the keep list are deleted; readings without one only when
     * a source is given. {@code NOT IN} over the unnested list runs as a hashed subplan, so a keep
     * list of 10,000 ids costs one hash probe per reading.
     */
    private static String doomed(PruneScope scope) {
        String notKept = "r.external_id NOT IN (SELECT unnest(CAST(:keep AS text[])))";
        return scope.source() == null
                ? "(r.external_id IS NOT NULL AND " + notKept + ")"
                : "(r.external_id IS NULL OR " + notKept + ")";
    }
}
