package io.metering.adapters.persistence.jdbi;

import io.metering.application.model.ImportCommit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metering.adapters.persistence.json.JsonValues;
import io.metering.application.model.ImportJob;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.out.ImportJobRepository;
import io.metering.domain.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Update;

/** {@link ImportJobRepository} over the {@code import_job} table (V6_1, V10); every statement names the organization. */
public final class JdbiImportJobRepository implements ImportJobRepository {
    private static final String COLUMNS = "org_id, id, format, commit_mode, status, rows_read, rows_stored, rows_refused, rows_implausible,"
            + " refusals,"
            + " created_at, started_at, finished_at";
    private static final String VALUES = ":org, CAST(:id AS uuid), :format, :commit, :status, :read, :stored, :refused, :implausible,"
            + " CAST(:refusals AS jsonb), CAST(:createdAt AS timestamptz), CAST(:startedAt AS timestamptz), CAST(:finishedAt AS timestamptz)";

    private final JdbiTransactions db;

    /** @param db the transactions the repository joins */
    public JdbiImportJobRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void insert(ImportJob job) {
        db.write(h -> bind(h.createUpdate("INSERT INTO import_job (" + COLUMNS + ") VALUES (" + VALUES + ")"), job).execute());
    }

    @Override
    public void update(ImportJob job) {
        db.write(h -> bind(h.createUpdate("UPDATE import_job SET (" + COLUMNS + ") = (" + VALUES
                + ") WHERE org_id = :org AND id = CAST(:id AS uuid)"), job).execute());
    }

    @Override
    public Optional<ImportJob> findById(OrganizationId org, UUID id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM import_job WHERE org_id = :org AND id = CAST(:id AS uuid)")
                .bind("org", org.value())
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public int failUnfinished(Instant now, ImportJob.Refusal why) {
        return db.write(h -> h.createUpdate("UPDATE import_job SET status = 'failed', finished_at = CAST(:now AS timestamptz),"
                        + " refusals = CAST(:refusals AS jsonb) WHERE status IN ('queued', 'running')")
                .bind("now", SqlInstants.stored(now))
                .bind("refusals", refusals(List.of(why)))
                .execute());
    }

    private static Update bind(Update u, ImportJob job) {
        return u.bind("org", job.org().value())
                .bind("id", job.id().toString())
                .bind("format", job.format())
                .bind("commit", job.commit().name().toLowerCase(Locale.ROOT))
                .bind("status", job.status().code())
                .bind("read", job.rowsRead())
                .bind("stored", job.rowsStored())
                .bind("refused", job.rowsRefused())
                .bind("implausible", job.rowsImplausible())
                .bind("refusals", refusals(job.refusals()))
                .bind("createdAt", SqlInstants.stored(job.createdAt()))
                .bind("startedAt", SqlInstants.storedOrNull(job.startedAt()))
                .bind("finishedAt", SqlInstants.storedOrNull(job.finishedAt()));
    }

    private static String refusals(List<ImportJob.Refusal> refusals) {
        ArrayNode list = JsonValues.array();
        for (ImportJob.Refusal r : refusals) {
            ObjectNode o = list.addObject();
            o.put("row", r.row());
            o.put("line", r.line());
            o.put("reason", r.reason());
            o.put("message", r.message());
        }
        return JsonValues.write(list);
    }

    private static ImportJob map(ResultSet rs) throws SQLException {
        List<ImportJob.Refusal> refusals = new ArrayList<>();
        for (JsonNode r : JsonValues.read(rs.getString("refusals"))) {
            refusals.add(new ImportJob.Refusal(r.path("row").isNumber() ? r.get("row").asLong() : null,
                    r.path("line").isNumber() ? r.get("line").asLong() : null, r.path("reason").asText(), r.path("message").asText()));
        }
        return new ImportJob(UUID.fromString(rs.getString("id")), new OrganizationId(rs.getString("org_id")), rs.getString("format"),
                ImportCommit.valueOf(rs.getString("commit_mode").toUpperCase(Locale.ROOT)),
                ImportJob.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getLong("rows_read"),
                rs.getLong("rows_stored"), rs.getLong("rows_refused"), rs.getLong("rows_implausible"), refusals, SqlInstants.read(rs, "created_at"), SqlInstants.read(rs, "started_at"),
                SqlInstants.read(rs, "finished_at"));
    }
}
