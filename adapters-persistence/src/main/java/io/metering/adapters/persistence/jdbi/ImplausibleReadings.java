package io.metering.adapters.persistence.jdbi;

import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.domain.reading.Reading;
import io.metering.domain.tenant.OrganizationId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The queue of implausible readings of an organization over the partial index
 * {@code reading_org_implausible} ({@code (org_id, ts, counter_id, direction) WHERE status =
 * 'implausible'}, migration V9): it holds only the implausible rows, so the queue never walks the
 * plausible history, and on TimescaleDB each chunk carries its part of it.
 */
final class ImplausibleReadings {
    private static final String SELECT = "SELECT " + ReadingRows.COLUMNS + " FROM reading";
    private static final String IMPLAUSIBLE = "status = 'implausible'";

    private ImplausibleReadings() {}

    static List<Reading> page(Handle h, OrganizationId org, ImplausibleQueueFilter filter, SortOrder sort, ReadingQueuePosition after,
            int limit) {
        WhereConditions where = conditions(org, filter);
        String dir = sort == SortOrder.DESC ? "DESC" : "ASC";
        if (after != null) {
            where.add("(ts, counter_id, direction) " + (sort == SortOrder.DESC ? "<" : ">")
                    + " (CAST(:afterTs AS timestamptz), CAST(:afterCounter AS uuid), :afterDirection)", "afterTs",
                    SqlInstants.stored(after.timestamp()))
                    .bind("afterCounter", after.counterId().toString())
                    .bind("afterDirection", after.direction().code());
        }
        return where.query(h, SELECT, " ORDER BY ts " + dir + ", counter_id " + dir + ", direction " + dir + " LIMIT " + Math.max(0, limit))
                .map((rs, ctx) -> ReadingRows.map(rs))
                .list();
    }

    static long count(Handle h, OrganizationId org, ImplausibleQueueFilter filter, int cap) {
        return conditions(org, filter).count(h, "reading", cap);
    }

    private static WhereConditions conditions(OrganizationId org, ImplausibleQueueFilter f) {
        return new WhereConditions(org).add(IMPLAUSIBLE)
                .scope(f.meterId(), f.counterId(), f.source()).between("ts", f.from(), f.before());
    }
}
