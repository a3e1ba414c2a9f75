package io.metering.adapters.persistence.jdbi;

import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.MeterSearch;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/** {@link MeterRepository} over the {@code meter} table; every statement names the organization. */
public final class JdbiMeterRepository implements MeterRepository {
    private static final String SELECT = "SELECT " + MeterRows.COLUMNS + " FROM meter";

    private final JdbiTransactions db;

    /** @param db the transactions the repository joins */
    public JdbiMeterRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void insert(Meter meter) {
        try {
            db.write(h -> MeterRows.bind(h.createUpdate("INSERT INTO meter (" + MeterRows.COLUMNS + ") VALUES (" + MeterRows.VALUES
                    + ")"), meter).execute());
        } catch (JdbiException e) {
            // the service checks the id first; a concurrent create of the same id can still win the race
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException("meter " + meter.id() + " exists");
            }
            throw e;
        }
    }

    @Override
    public void update(Meter meter) {
        db.write(h -> MeterRows.bind(h.createUpdate("UPDATE meter SET (" + MeterRows.COLUMNS + ") = (" + MeterRows.VALUES + ")"
                + " WHERE org_id = :org AND id = CAST(:id AS uuid)"), meter).execute());
    }

    @Override
    public boolean delete(OrganizationId org, MeterId id) {
        return db.write(h -> {
            // the meter first: a counter being added to it (lockForCounterChanges) is committed, and
            // found below, before the cascade looks for the meter's counters
            if (lockMeter(h, org, id, "FOR UPDATE").isEmpty()) {
                return false;
            }
            List<UUID> counters = CounterCascade.lock(h, org, "meter_id = CAST(:key AS uuid)", id.toString());
            CounterCascade.delete(h, org, counters);
            return h.createUpdate("DELETE FROM meter WHERE org_id = :org AND id = CAST(:id AS uuid)")
                    .bind("org", org.value())
                    .bind("id", id.toString())
                    .execute() > 0;
        });
    }

    /** {@inheritDoc} {@code SELECT ... FOR NO KEY UPDATE}: it conflicts with itself and with deletes, not with readers. */
    @Override
    public void lockForCounterChanges(OrganizationId org, MeterId id) {
        if (lockMeter(db.transactionHandle(), org, id, "FOR NO KEY UPDATE").isEmpty()) {
            throw new NotFoundException("meter " + id + " not found");
        }
    }

    private static Optional<UUID> lockMeter(Handle h, OrganizationId org, MeterId id, String mode) {
        return h.createQuery("SELECT id FROM meter WHERE org_id = :org AND id = CAST(:id AS uuid) " + mode)
                .bind("org", org.value())
                .bind("id", id.toString())
                .mapTo(UUID.class)
                .findOne();
    }

    @Override
    public Optional<Meter> findById(OrganizationId org, MeterId id) {
        return db.read(h -> h.createQuery(SELECT + " WHERE org_id = :org AND id = CAST(:id AS uuid)")
                .bind("org", org.value())
                .bind("id", id.toString())
                .map((rs, ctx) -> MeterRows.map(rs))
                .findOne());
    }

    @Override
    public List<Meter> findByIds(OrganizationId org, Collection<MeterId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.createQuery(SELECT + " WHERE org_id = :org AND id = ANY(CAST(:ids AS uuid[]))")
                .bind("org", org.value())
                .bind("ids", TextArray.of(ids.stream().map(MeterId::toString).distinct().toList()))
                .map((rs, ctx) -> MeterRows.map(rs))
                .list());
    }

    /** {@inheritDoc} The MeLo attribute has an index of its own (V6). */
    @Override
    public List<Meter> findByAttribute(OrganizationId org, String name, String value) {
        return db.read(h -> h.createQuery(SELECT + " WHERE org_id = :org AND attributes ->> :name = :value")
                .bind("org", org.value())
                .bind("name", name)
                .bind("value", value)
                .map((rs, ctx) -> MeterRows.map(rs))
                .list());
    }

    /** {@inheritDoc} The window and the total come from one snapshot. */
    @Override
    public Page<Meter> search(OrganizationId org, MeterSearch search, PageRequest page) {
        return db.readOnly(() -> db.read(h -> {
            List<Meter> items = page.limit() == 0 ? List.of()
                    : filtered(h, SELECT, org, search, " ORDER BY created_at, id" + window(page))
                            .map((rs, ctx) -> MeterRows.map(rs))
                            .list();
            // The total is known without counting when the window starts at 0 and is not full.
            boolean complete = page.offset() == 0 && (page.unlimited() || items.size() < page.limit());
            long total = complete ? items.size()
                    : filtered(h, "SELECT count(*) FROM meter", org, search, "").mapTo(Long.class).one();
            return new Page<>(items, total);
        }));
    }

    private static String window(PageRequest page) {
        return (page.unlimited() ? "" : " LIMIT " + page.limit()) + " OFFSET " + page.offset();
    }

    /**
     * The search's conditions; relation filters use the GIN-indexed id arrays. A portal search sees
     * meters whose customers name the contact or whose contracts name one of the contracts
     * (docs/domain.md#who-may-do-what).
     */
    private static Query filtered(Handle h, String select, OrganizationId org, MeterSearch s, String tail) {
        WhereConditions where = new WhereConditions(org);
        if (s.customerId() != null) {
            where.add("customer_ids @> ARRAY[CAST(:customerId AS text)]", "customerId", s.customerId());
        }
        if (s.contractId() != null) {
            where.add("contract_ids @> ARRAY[CAST(:contractId AS text)]", "contractId", s.contractId());
        }
        if (s.maLoId() != null) {
            where.add("ma_lo_id = :maLoId", "maLoId", s.maLoId());
        }
        if (s.meterNumber() != null) {
            where.add("meter_number = :meterNumber", "meterNumber", s.meterNumber());
        }
        if (s.portalScoped()) {
            where.add("(customer_ids @> ARRAY[CAST(:contactId AS text)] OR contract_ids && CAST(:contractIds AS text[]))",
                    "contactId", s.reachableContactId())
                    .bindArray("contractIds", List.copyOf(s.reachableContractIds()));
        }
        if (s.text() != null) {
            Optional<UUID> idText = uuid(s.text());
            // each arm has its index (migration V9_1 for the prefixes), so the planner ORs bitmap scans
            where.add("(lower(ma_lo_id) LIKE :prefix OR lower(meter_number) LIKE :prefix"
                    + " OR customer_ids @> ARRAY[CAST(:text AS text)] OR contract_ids @> ARRAY[CAST(:text AS text)]"
                    + (idText.isPresent() ? " OR id = CAST(:textId AS uuid)" : "") + ")",
                    "prefix", likePrefix(s.text().toLowerCase(Locale.ROOT)))
                    .bind("text", s.text());
            idText.ifPresent(id -> where.bind("textId", id.toString()));
        }
        return where.query(h, select, tail);
    }

    /** {@code text%} with LIKE's wildcards in the text taken literally (backslash is LIKE's default escape). */
    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
