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
import org.postgresql.copy.PGCopyOutputStream;

/**
 * {@link ReadingBulkStore} over the {@code reading} table: span neighbours in one statement of
 * primary-key probes, appends by {@code COPY ... FROM STDIN}, PostgreSQL's fastest way in (about
 * twice the rows per second of multi-row inserts here; see docs/benchmarks.md).
 */
public final class JdbiReadingBulkStore implements ReadingBulkStore {
    private static final String COPY = "COPY reading (org_id, " + ReadingRows.COLUMNS + ") FROM STDIN";

    /** Bytes buffered before they go to the server. */
    private static final int COPY_BUFFER = 1 << 16;

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

    private static void copy(Handle h, OrganizationId org, List<Reading> readings) {
        try {
            PGConnection pg = h.getConnection().unwrap(PGConnection.class);
            try (PGCopyOutputStream out = new PGCopyOutputStream(pg, COPY, COPY_BUFFER)) {
                CopyText text = new CopyText(out);
                String orgText = org.value();
                for (Reading r : readings) {
                    text.row(orgText, r);
                }
                text.flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into reading failed: " + e.getMessage(), e);
        } catch (IOException e) {
            // PGCopyOutputStream reports the server's refusal (a duplicate key, a check) as the cause of an IOException
            throw new UncheckedIOException("COPY into reading failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
