package io.metering.adapters.persistence.jdbi;

import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The WHERE clause of a review-queue query (pending changesets, implausible readings) and its
 * bindings, built from the filters that are set: the organization always, the others only when
 * given, so the planner sees no {@code :x IS NULL OR ...} arms it cannot index.
 */
final class QueueConditions {
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();

    QueueConditions(OrganizationId org) {
        add("org_id = :org", "org", org.value());
    }

    QueueConditions add(String condition, String name, Object value) {
        where.add(condition);
        return bind(name, value);
    }

    /** A condition without parameters. */
    QueueConditions add(String condition) {
        where.add(condition);
        return this;
    }

    /** Binds a further parameter of a condition already added. */
    QueueConditions bind(String name, Object value) {
        binds.put(name, value);
        return this;
    }

    /** Meter, counter and source filters on the table's {@code meter_id}, {@code counter_id}, {@code source}. */
    QueueConditions scope(MeterId meterId, CounterId counterId, ReadingSource source) {
        if (meterId != null) {
            add("meter_id = CAST(:meterId AS uuid)", "meterId", meterId.toString());
        }
        if (counterId != null) {
            add("counter_id = CAST(:counterId AS uuid)", "counterId", counterId.toString());
        }
        if (source != null) {
            add("source = :source", "source", source.code());
        }
        return this;
    }

    /** {@code from <= column < before}, each bound only when given. */
    QueueConditions between(String column, Instant from, Instant before) {
        if (from != null) {
            add(column + " >= CAST(:from AS timestamptz)", "from", SqlInstants.ceiling(from));
        }
        if (before != null) {
            add(column + " < CAST(:before AS timestamptz)", "before", SqlInstants.ceiling(before));
        }
        return this;
    }

    /** {@code SELECT ... FROM table WHERE <conditions> tail}, bound. */
    Query query(Handle h, String selectFrom, String tail) {
        return h.createQuery(selectFrom + " WHERE " + String.join(" AND ", where) + tail).bindMap(binds);
    }

    /** How many rows the conditions admit, counting at most {@code cap} of them. */
    long count(Handle h, String table, int cap) {
        return query(h, "SELECT count(*) FROM (SELECT 1 FROM " + table, " LIMIT " + Math.max(0, cap) + ") capped")
                .mapTo(Long.class).one();
    }
}
