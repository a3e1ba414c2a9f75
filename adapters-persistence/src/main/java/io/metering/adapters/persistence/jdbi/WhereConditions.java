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
 * The WHERE clause of a filtered query (meter search, review queues) and its bindings, built from
 * the filters that are set: the organization always, the others only when given, so the planner
 * sees no {@code :x IS NULL OR ...} arms it cannot index. Each condition is added with its
 * parameters, so a filter's SQL and its binding cannot drift apart.
 */
final class WhereConditions {
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private final Map<String, List<String>> arrays = new LinkedHashMap<>();

    WhereConditions(OrganizationId org) {
        add("org_id = :org", "org", org.value());
    }

    WhereConditions add(String condition, String name, Object value) {
        where.add(condition);
        return bind(name, value);
    }

    /** A condition without parameters. */
    WhereConditions add(String condition) {
        where.add(condition);
        return this;
    }

    /** Binds a further parameter of a condition already added. */
    WhereConditions bind(String name, Object value) {
        binds.put(name, value);
        return this;
    }

    /** Binds a text-array parameter of a condition already added. */
    WhereConditions bindArray(String name, List<String> values) {
        arrays.put(name, values);
        return this;
    }

    /** Meter, counter and source filters on the table's {@code meter_id}, {@code counter_id}, {@code source}. */
    WhereConditions scope(MeterId meterId, CounterId counterId, ReadingSource source) {
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
    WhereConditions between(String column, Instant from, Instant before) {
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
        Query q = h.createQuery(selectFrom + " WHERE " + String.join(" AND ", where) + tail).bindMap(binds);
        arrays.forEach((name, values) -> q.bind(name, TextArray.of(values)));
        return q;
    }

    /** How many rows the conditions admit, counting at most {@code cap} of them. */
    long count(Handle h, String table, int cap) {
        return query(h, "SELECT count(*) FROM (SELECT 1 FROM " + table, " LIMIT " + Math.max(0, cap) + ") capped")
                .mapTo(Long.class).one();
    }
}
