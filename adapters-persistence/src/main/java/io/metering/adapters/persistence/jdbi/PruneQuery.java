package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.domain.tenant.OrganizationId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The prune rule of {@link PruneScope} as SQL (DOMAIN.md "Batch v2 and prune"). The dry run and the
 * real run share the scope and the doom condition, so their counts agree by construction; the real
 * run deletes and counts in one statement, whose scope count sees the rows before the delete.
 */
final class PruneQuery {
    private PruneQuery() {}

    static PruneCounts run(Handle h, OrganizationId org, PruneScope scope, boolean dryRun) {
        String where = scope(scope);
        String doomed = doomed(scope);
        String sql = dryRun
                ? "SELECT count(*) FILTER (WHERE " + doomed + ") AS deleted, count(*) AS in_scope FROM reading r WHERE " + where
                : "WITH gone AS (DELETE FROM reading r WHERE " + where + " AND " + doomed + " RETURNING 1)"
                        + " SELECT (SELECT count(*) FROM gone) AS deleted,"
                        + " (SELECT count(*) FROM reading r WHERE " + where + ") AS in_scope";
        Query q = h.createQuery(sql)
                .bind("org", org.value())
                .bind("meterId", scope.meterId().toString())
                .bindArray("keep", String.class, List.copyOf(scope.keepExternalIds()));
        if (scope.counterId() != null) {
            q.bind("counterId", scope.counterId().toString());
        }
        if (scope.source() != null) {
            q.bind("source", scope.source().code());
        }
        return q.map((rs, ctx) -> {
            long deleted = rs.getLong("deleted");
            return new PruneCounts(deleted, rs.getLong("in_scope") - deleted);
        }).one();
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
