package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.IntervalValueStore;
import io.metering.domain.consumption.Period;
import io.metering.domain.counter.CounterId;
import io.metering.domain.loadprofile.IntervalQuality;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link IntervalValueStore} over the {@code interval_value} table (V6_2); every statement names the organization. */
public final class JdbiIntervalValueStore implements IntervalValueStore {
    private final JdbiTransactions db;

    /** @param db the transactions the store joins */
    public JdbiIntervalValueStore(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void replace(OrganizationId org, CounterId counter, Period span, List<IntervalValue> values) {
        db.write(h -> {
            h.createUpdate("DELETE FROM interval_value WHERE org_id = :org AND counter_id = CAST(:counter AS uuid)"
                            + " AND start_at < CAST(:to AS timestamptz) AND end_at > CAST(:from AS timestamptz)")
                    .bind("org", org.value())
                    .bind("counter", counter.toString())
                    .bind("from", SqlInstants.stored(span.start()))
                    .bind("to", SqlInstants.stored(span.end()))
                    .execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO interval_value (org_id, counter_id, start_at, end_at, value, quality, source,"
                    + " position) VALUES (:org, CAST(:counter AS uuid), CAST(:start AS timestamptz), CAST(:end AS timestamptz), :value,"
                    + " :quality, :source, :position)");
            for (int i = 0; i < values.size(); i++) {
                IntervalValue v = values.get(i);
                batch.bind("org", org.value())
                        .bind("position", i)
                        .bind("counter", counter.toString())
                        .bind("start", SqlInstants.stored(v.start()))
                        .bind("end", SqlInstants.stored(v.end()))
                        .bind("value", v.value())
                        .bind("quality", v.quality().code())
                        .bind("source", v.source())
                        .add();
            }
            if (!values.isEmpty()) {
                batch.execute();
            }
            return null;
        });
    }

    @Override
    public List<IntervalValue> overlapping(OrganizationId org, CounterId counter, Instant from, Instant to) {
        return db.read(h -> h.createQuery("SELECT counter_id, start_at, end_at, value, quality, source FROM interval_value"
                        + " WHERE org_id = :org AND counter_id = CAST(:counter AS uuid) AND start_at < CAST(:to AS timestamptz)"
                        + " AND end_at > CAST(:from AS timestamptz) ORDER BY start_at, position")
                .bind("org", org.value())
                .bind("counter", counter.toString())
                .bind("from", SqlInstants.floor(from))
                .bind("to", SqlInstants.ceiling(to))
                .map((rs, ctx) -> new IntervalValue(new CounterId(UUID.fromString(rs.getString("counter_id"))), SqlInstants.read(rs, "start_at"),
                        SqlInstants.read(rs, "end_at"), rs.getBigDecimal("value"),
                        IntervalQuality.fromCode(rs.getString("quality")).orElseThrow(), rs.getString("source")))
                .list());
    }
}
