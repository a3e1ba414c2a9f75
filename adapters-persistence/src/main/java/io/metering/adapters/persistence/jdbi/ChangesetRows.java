package io.metering.adapters.persistence.jdbi;

import io.metering.adapters.persistence.json.ChangesetDocuments;
import io.metering.adapters.persistence.json.Codes;
import io.metering.adapters.persistence.json.GovernanceDocument;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/** The {@code changeset} table's columns and their mapping to {@link Changeset}. */
final class ChangesetRows {
    static final String COLUMNS = "org_id, id, meter_id, counter_id, proposed, previous, governance, created_at, created_by, source";

    /** Parameters in {@link #COLUMNS} order, with the casts text parameters need. */
    static final String VALUES = ":org, CAST(:id AS uuid), CAST(:meterId AS uuid), CAST(:counterId AS uuid),"
            + " CAST(:proposed AS jsonb), CAST(:previous AS jsonb), CAST(:governance AS jsonb),"
            + " CAST(:createdAt AS timestamptz), CAST(:createdBy AS jsonb), :source";

    private ChangesetRows() {}

    /** Binds every column parameter of {@link #VALUES}. */
    static <S extends SqlStatement<S>> S bind(S statement, Changeset c) {
        return statement
                .bind("org", c.org().value())
                .bind("id", c.id().toString())
                .bind("meterId", c.meterId().toString())
                .bind("counterId", c.counterId().toString())
                .bind("proposed", ChangesetDocuments.writeReading(c.proposed()))
                .bind("previous", ChangesetDocuments.writeReading(c.previous()))
                .bind("governance", GovernanceDocument.write(c.governance()))
                .bind("createdAt", SqlInstants.stored(c.createdAt()))
                .bind("createdBy", ChangesetDocuments.writeCreator(c.createdBy()))
                .bind("source", c.source() == null ? null : c.source().code());
    }

    /** Maps a row selected with {@link #COLUMNS}. */
    static Changeset map(ResultSet rs) throws SQLException {
        return new Changeset(
                new ChangesetId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getString("org_id")),
                new MeterId(rs.getObject("meter_id", UUID.class)),
                new CounterId(rs.getObject("counter_id", UUID.class)),
                ChangesetDocuments.readReading(rs.getString("proposed")),
                ChangesetDocuments.readReading(rs.getString("previous")),
                GovernanceDocument.read(rs.getString("governance")),
                SqlInstants.read(rs, "created_at"),
                ChangesetDocuments.readCreator(rs.getString("created_by")),
                Codes.decode(ReadingSource::fromCode, rs.getString("source"), "changeset.source"));
    }
}
