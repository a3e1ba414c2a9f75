package io.metering.adapters.persistence.jdbi;

import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookDeliveryState;
import io.metering.application.model.WebhookSecrets;
import io.metering.application.model.WebhookSubscription;
import io.metering.application.port.out.WebhookStore;
import io.metering.domain.tenant.OrganizationId;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link WebhookStore} over the {@code webhook_subscription} and {@code webhook_attempt} tables (V8).
 * A claim locks the due row with {@code FOR UPDATE SKIP LOCKED} and writes a lease in the same
 * statement's transaction, so two instances never claim one subscription; a lease that ran out
 * (its instance was killed) makes the row claimable again.
 */
public final class JdbiWebhookStore implements WebhookStore {
    private static final String COLUMNS = "id, org_id, url, event_types, enabled, description, created_at, updated_at, secret,"
            + " previous_secret, previous_secret_until, cursor, failures, next_attempt_at, failing_since, disabled_reason";
    private static final String VALUES = "CAST(:id AS uuid), :org, :url, CAST(:types AS text[]), :enabled, :description,"
            + " CAST(:createdAt AS timestamptz), CAST(:updatedAt AS timestamptz), :secret, :previousSecret,"
            + " CAST(:previousUntil AS timestamptz), :cursor, :failures, CAST(:nextAttemptAt AS timestamptz),"
            + " CAST(:failingSince AS timestamptz), :disabledReason";
    private static final String ATTEMPT_COLUMNS = "subscription_id, org_id, event_id, event_type, position, attempted_at, status,"
            + " duration_ms, error, response_excerpt";

    private final JdbiTransactions db;

    /** @param db the transactions the store joins */
    public JdbiWebhookStore(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void insert(WebhookSubscription s) {
        db.write(h -> bind(h.createUpdate("INSERT INTO webhook_subscription (" + COLUMNS + ") VALUES (" + VALUES + ")"), s).execute());
    }

    @Override
    public boolean update(WebhookSubscription s) {
        return db.write(h -> bind(h.createUpdate("UPDATE webhook_subscription SET (" + COLUMNS + ", lease_owner, lease_until) = ("
                + VALUES + ", NULL, NULL) WHERE org_id = :org AND id = CAST(:id AS uuid)"), s).execute()) == 1;
    }

    @Override
    public Optional<WebhookSubscription> find(OrganizationId org, UUID id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhook_subscription WHERE org_id = :org AND id = CAST(:id AS uuid)")
                .bind("org", org.value())
                .bind("id", id.toString())
                .map((rs, ctx) -> subscription(rs))
                .findOne());
    }

    @Override
    public List<WebhookSubscription> list(OrganizationId org) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhook_subscription WHERE org_id = :org ORDER BY created_at, id")
                .bind("org", org.value())
                .map((rs, ctx) -> subscription(rs))
                .list());
    }

    @Override
    public boolean delete(OrganizationId org, UUID id) {
        return db.write(h -> h.createUpdate("DELETE FROM webhook_subscription WHERE org_id = :org AND id = CAST(:id AS uuid)")
                .bind("org", org.value())
                .bind("id", id.toString())
                .execute()) == 1;
    }

    @Override
    public Optional<WebhookSubscription> claimDue(Instant now, String owner, Instant leaseUntil) {
        return db.write(h -> h.createQuery("UPDATE webhook_subscription SET lease_owner = :owner,"
                        + " lease_until = CAST(:leaseUntil AS timestamptz) WHERE id = ("
                        + "SELECT id FROM webhook_subscription WHERE enabled AND next_attempt_at <= CAST(:now AS timestamptz)"
                        + " AND (lease_until IS NULL OR lease_until < CAST(:now AS timestamptz) OR lease_owner = :owner)"
                        + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .bind("owner", owner)
                .bind("leaseUntil", SqlInstants.stored(leaseUntil))
                .bind("now", SqlInstants.stored(now))
                .map((rs, ctx) -> subscription(rs))
                .findOne());
    }

    @Override
    public boolean saveProgress(UUID id, String owner, WebhookDeliveryState state, boolean enabled, List<WebhookAttempt> attempts,
            Instant leaseUntil) {
        return db.write(h -> {
            int saved = h.createUpdate("UPDATE webhook_subscription SET cursor = :cursor, failures = :failures,"
                            + " next_attempt_at = CAST(:nextAttemptAt AS timestamptz), failing_since = CAST(:failingSince AS timestamptz),"
                            + " disabled_reason = :disabledReason, enabled = :enabled,"
                            + " lease_owner = :newOwner, lease_until = CAST(:leaseUntil AS timestamptz)"
                            + " WHERE id = CAST(:id AS uuid) AND lease_owner = :owner")
                    .bind("cursor", state.cursor())
                    .bind("failures", state.failures())
                    .bind("nextAttemptAt", SqlInstants.stored(state.nextAttemptAt()))
                    .bind("failingSince", SqlInstants.storedOrNull(state.failingSince()))
                    .bind("disabledReason", state.disabledReason())
                    .bind("enabled", enabled)
                    .bind("newOwner", leaseUntil == null ? null : owner)
                    .bind("leaseUntil", SqlInstants.storedOrNull(leaseUntil))
                    .bind("id", id.toString())
                    .bind("owner", owner)
                    .execute();
            if (saved == 1) {
                insert(h, attempts);
            }
            return saved == 1;
        });
    }

    @Override
    public void recordAttempt(WebhookAttempt attempt) {
        db.write(h -> {
            insert(h, List.of(attempt));
            return null;
        });
    }

    private static void insert(Handle h, List<WebhookAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO webhook_attempt (" + ATTEMPT_COLUMNS + ") VALUES (CAST(:subscription AS uuid),"
                + " :org, :eventId, :eventType, :position, CAST(:at AS timestamptz), :status, :duration, :error, :excerpt)");
        for (WebhookAttempt a : attempts) {
            batch.bind("subscription", a.subscriptionId().toString())
                    .bind("org", a.org().value())
                    .bind("eventId", a.eventId())
                    .bind("eventType", a.eventType())
                    .bind("position", a.position())
                    .bind("at", SqlInstants.stored(a.attemptedAt()))
                    .bind("status", a.status())
                    .bind("duration", a.durationMillis())
                    .bind("error", a.error())
                    .bind("excerpt", a.responseExcerpt())
                    .add();
        }
        batch.execute();
    }

    @Override
    public Page<WebhookAttempt> attempts(OrganizationId org, UUID id, PageRequest page) {
        return db.read(h -> {
            long total = h.createQuery("SELECT count(*) FROM webhook_attempt WHERE org_id = :org AND subscription_id = CAST(:id AS uuid)")
                    .bind("org", org.value())
                    .bind("id", id.toString())
                    .mapTo(Long.class)
                    .one();
            List<WebhookAttempt> items = h.createQuery("SELECT " + ATTEMPT_COLUMNS + " FROM webhook_attempt WHERE org_id = :org"
                            + " AND subscription_id = CAST(:id AS uuid) ORDER BY id DESC OFFSET :offset"
                            + (page.unlimited() ? "" : " LIMIT :limit"))
                    .bind("org", org.value())
                    .bind("id", id.toString())
                    .bind("offset", page.offset())
                    .bind("limit", page.limit())
                    .map((rs, ctx) -> attempt(rs))
                    .list();
            return new Page<>(items, total);
        });
    }

    private static Update bind(Update u, WebhookSubscription s) {
        WebhookDeliveryState d = s.delivery();
        return u.bind("id", s.id().toString())
                .bind("org", s.org().value())
                .bind("url", s.url().toString())
                .bind("types", "{" + String.join(",", s.eventTypes()) + "}")
                .bind("enabled", s.enabled())
                .bind("description", s.description())
                .bind("createdAt", SqlInstants.stored(s.createdAt()))
                .bind("updatedAt", SqlInstants.stored(s.updatedAt()))
                .bind("secret", s.secrets().current())
                .bind("previousSecret", s.secrets().previous())
                .bind("previousUntil", SqlInstants.storedOrNull(s.secrets().previousUntil()))
                .bind("cursor", d.cursor())
                .bind("failures", d.failures())
                .bind("nextAttemptAt", SqlInstants.stored(d.nextAttemptAt()))
                .bind("failingSince", SqlInstants.storedOrNull(d.failingSince()))
                .bind("disabledReason", d.disabledReason());
    }

    private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookSubscription(UUID.fromString(rs.getString("id")), new OrganizationId(rs.getString("org_id")),
                URI.create(rs.getString("url")), Arrays.asList((String[]) types.getArray()), rs.getBoolean("enabled"),
                rs.getString("description"), SqlInstants.read(rs, "created_at"), SqlInstants.read(rs, "updated_at"),
                new WebhookSecrets(rs.getString("secret"), rs.getString("previous_secret"), SqlInstants.read(rs, "previous_secret_until")),
                new WebhookDeliveryState(rs.getString("cursor"), rs.getInt("failures"), SqlInstants.read(rs, "next_attempt_at"),
                        SqlInstants.read(rs, "failing_since"), rs.getString("disabled_reason")));
    }

    private static WebhookAttempt attempt(ResultSet rs) throws SQLException {
        return new WebhookAttempt(UUID.fromString(rs.getString("subscription_id")), new OrganizationId(rs.getString("org_id")),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("position"), SqlInstants.read(rs, "attempted_at"),
                (Integer) rs.getObject("status"), rs.getLong("duration_ms"), rs.getString("error"), rs.getString("response_excerpt"));
    }
}
