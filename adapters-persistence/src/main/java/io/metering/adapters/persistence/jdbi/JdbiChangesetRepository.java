package io.metering.adapters.persistence.jdbi;

import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ChangesetQueuePosition;
import io.metering.application.port.out.ChangesetRepository;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ChangesetRepository} over the {@code changeset} table; every statement names the
 * organization. "Oldest first" orders by creation instant, then id: changesets of one request share
 * their instant.
 */
public final class JdbiChangesetRepository implements ChangesetRepository {
    private static final String SELECT = "SELECT " + ChangesetRows.COLUMNS + " FROM changeset";

    private final JdbiTransactions db;

    /** @param db the transactions the repository joins */
    public JdbiChangesetRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void insert(Changeset changeset) {
        db.write(h -> ChangesetRows.bind(h.createUpdate("INSERT INTO changeset (" + ChangesetRows.COLUMNS + ") VALUES ("
                + ChangesetRows.VALUES + ")"), changeset).execute());
    }

    @Override
    public void update(Changeset changeset) {
        db.write(h -> ChangesetRows.bind(h.createUpdate("UPDATE changeset SET (" + ChangesetRows.COLUMNS + ") = ("
                + ChangesetRows.VALUES + ") WHERE org_id = :org AND id = CAST(:id AS uuid)"), changeset).execute());
    }

    @Override
    public boolean delete(OrganizationId org, ChangesetId id) {
        return db.write(h -> h.createUpdate("DELETE FROM changeset WHERE org_id = :org AND id = CAST(:id AS uuid)")
                .bind("org", org.value())
                .bind("id", id.toString())
                .execute() > 0);
    }

    @Override
    public Optional<Changeset> findById(OrganizationId org, ChangesetId id) {
        return db.read(h -> h.createQuery(SELECT + " WHERE org_id = :org AND id = CAST(:id AS uuid)")
                .bind("org", org.value())
                .bind("id", id.toString())
                .map((rs, ctx) -> ChangesetRows.map(rs))
                .findOne());
    }

    @Override
    public List<Changeset> findByCounter(OrganizationId org, MeterId meterId, CounterId counterId) {
        return db.read(h -> h.createQuery(SELECT + " WHERE org_id = :org AND counter_id = CAST(:counterId AS uuid)"
                        + " AND meter_id = CAST(:meterId AS uuid) ORDER BY created_at, id")
                .bind("org", org.value())
                .bind("counterId", counterId.toString())
                .bind("meterId", meterId.toString())
                .map((rs, ctx) -> ChangesetRows.map(rs))
                .list());
    }

    @Override
    public List<Changeset> findByCounters(OrganizationId org, Collection<CounterId> counterIds) {
        if (counterIds.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.createQuery(SELECT + " WHERE org_id = :org AND counter_id = ANY(CAST(:counterIds AS uuid[]))"
                        + " ORDER BY created_at, id")
                .bind("org", org.value())
                .bind("counterIds", TextArray.of(counterIds.stream().map(CounterId::toString).distinct().toList()))
                .map((rs, ctx) -> ChangesetRows.map(rs))
                .list());
    }

    /** {@inheritDoc} Served by {@code changeset_org_created} ({@code (org_id, created_at, id)}). */
    @Override
    public List<Changeset> findPending(OrganizationId org, ChangesetQueueFilter filter, ChangesetQueuePosition after, int limit) {
        WhereConditions where = conditions(org, filter);
        if (after != null) {
            where.add("(created_at, id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))", "afterAt",
                    SqlInstants.stored(after.createdAt())).bind("afterId", after.id().toString());
        }
        return db.read(h -> where.query(h, SELECT, " ORDER BY created_at, id LIMIT " + Math.max(0, limit))
                .map((rs, ctx) -> ChangesetRows.map(rs))
                .list());
    }

    @Override
    public long countPending(OrganizationId org, ChangesetQueueFilter filter, int cap) {
        return db.read(h -> conditions(org, filter).count(h, "changeset", cap));
    }

    private static WhereConditions conditions(OrganizationId org, ChangesetQueueFilter f) {
        return new WhereConditions(org).scope(f.meterId(), f.counterId(), f.source()).between("created_at", f.createdFrom(), f.createdBefore());
    }
}
