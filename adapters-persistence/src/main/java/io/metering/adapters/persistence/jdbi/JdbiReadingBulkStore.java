package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@link ReadingBulkStore} over the {@code reading} table: span neighbours in one statement of
 * primary-key probes, appends by {@code COPY ... FROM STDIN}, PostgreSQL's fastest way in (about
 * twice the rows per second of multi-row inserts here; see docs/benchmarks.md). An
 * {@link #openAppender appender} keeps one COPY open across batches and feeds it from a thread of
 * its own ({@link CopyStream}).
 */
public final class JdbiReadingBulkStore implements ReadingBulkStore {
    static final String COPY = "COPY reading (org_id, " + ReadingRows.COLUMNS + ") FROM STDIN";

    private final JdbiTransactions db;

    /** @param db the transactions the store joins */
    public JdbiReadingBulkStore(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Map<SeriesKey, SpanNeighbours> around(OrganizationId org, Collection<SeriesSpan> spans) {
        return db.read(h -> SpanQuery.run(h, org, spans));
    }

    @Override
    public void append(OrganizationId org, List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        db.write(h -> {
            copy(h, org, readings);
            return null;
        });
    }

    /** {@inheritDoc} One COPY stays open across batches; it ends at {@code drain}. */
    @Override
    public Appender openAppender(OrganizationId org) {
        return new CopyStream(pg(db.transactionHandle()), org);
    }

    private static void copy(Handle h, OrganizationId org, List<Reading> readings) {
        try {
            CopyIn copy = pg(h).getCopyAPI().copyIn(COPY);
            try {
                CopyText text = new CopyText((bytes, length) -> copy.writeToCopy(bytes, 0, length));
                byte[] orgText = CopyText.org(org.value());
                for (Reading r : readings) {
                    text.row(orgText, r);
                }
                text.flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException | IOException e) {
            throw failed(e);
        }
    }

    static PGConnection pg(Handle h) {
        try {
            return h.getConnection().unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("not a PostgreSQL connection", e);
        }
    }

    /** The server's refusal (a duplicate key, a check) as the failure of the COPY. */
    static RuntimeException failed(Exception e) {
        String message = "COPY into reading failed: " + rootMessage(e);
        return e instanceof IOException io ? new UncheckedIOException(message, io) : new IllegalStateException(message, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
