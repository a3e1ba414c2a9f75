package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.ReadingBulkStore;
import io.metering.domain.reading.Reading;
import io.metering.domain.tenant.OrganizationId;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * An append behind the caller: batches go through a small bounded queue to a writer thread that
 * encodes them ({@link CopyText}) into one {@code COPY ... FROM STDIN} on the transaction's
 * connection, so the caller judges the next batch while the server stores this one. The COPY ends
 * at {@link #drain}, after which the connection is the caller's again; the next batch opens
 * another. Only the writer thread touches the connection between {@code add} and {@code drain};
 * the queue's hand-over orders the two threads' use of it.
 */
final class CopyStream implements ReadingBulkStore.Appender {
    /** Batches waiting at most: the caller is at most this far ahead of the server (memory bound). */
    private static final int QUEUED = 2;
    private static final Object STOP = new Object();

    private final PGConnection connection;
    private final byte[] org;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread writer;
    private final CopyText text;
    /** The writer's first failure; it then skips batches until stopped. */
    private volatile RuntimeException failure;
    private CopyIn copy;

    CopyStream(PGConnection connection, OrganizationId org) {
        this.connection = connection;
        this.org = CopyText.org(org.value());
        this.text = new CopyText((bytes, length) -> copy.writeToCopy(bytes, 0, length));
        this.writer = new Thread(this::write, "import-copy");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void add(List<Reading> readings) {
        throwFailure();
        if (!readings.isEmpty()) {
            put(readings);
        }
    }

    @Override
    public void drain() {
        CountDownLatch done = new CountDownLatch(1);
        put(done);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for COPY", e);
        }
        throwFailure();
    }

    @Override
    public void close() {
        if (!writer.isAlive()) {
            return;
        }
        queue.clear(); // whatever waits is abandoned
        put(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object item) {
        if (!writer.isAlive()) {
            throw new IllegalStateException("the COPY writer has stopped");
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing readings to COPY", e);
        }
    }

    private void throwFailure() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** The writer thread. */
    private void write() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == STOP) {
                    cancel();
                    return;
                }
                if (item instanceof CountDownLatch done) {
                    end();
                    done.countDown();
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Reading> batch = (List<Reading>) item;
                if (failure == null) {
                    copy(batch);
                }
            }
        } catch (InterruptedException e) {
            cancel();
        }
    }

    private void copy(List<Reading> batch) {
        try {
            if (copy == null) {
                copy = connection.getCopyAPI().copyIn(JdbiReadingBulkStore.COPY);
            }
            for (Reading r : batch) {
                text.row(org, r);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void end() {
        if (copy == null || failure != null) {
            return;
        }
        try {
            text.flush();
            copy.endCopy();
            copy = null;
        } catch (SQLException | IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        failure = e instanceof RuntimeException r && !(e instanceof java.io.UncheckedIOException) ? r : JdbiReadingBulkStore.failed(e);
        cancel();
    }

    /** Leaves the connection usable (for the rollback) when a COPY is open. */
    private void cancel() {
        if (copy != null) {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the transaction fails anyway; its rollback reports what is wrong with the connection
            }
            copy = null;
        }
    }
}
