package io.metering.bootstrap.importer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source iterator ahead on a thread of its own, so that parsing a file overlaps with
 * validating and writing what was parsed before (on two cores, the import's parse and the
 * database's COPY then run side by side). Items come in source order; a failure of the source
 * arrives where it happened, after the items before it.
 *
 * @param <T> the items
 */
public final class Prefetch<T> implements Iterator<T>, AutoCloseable {
    private static final int BLOCK = 1_000;

    /** A block of items, or the end, or the source's failure. */
    private record Block<T>(List<T> items, RuntimeException failure, boolean end) {}

    private final BlockingQueue<Block<T>> queue;
    private final Thread reader;
    private Iterator<T> current = List.<T>of().iterator();
    private Block<T> last;

    /**
     * @param source the iterator to read ahead
     * @param blocksAhead how many blocks of {@value #BLOCK} items may wait
     */
    public Prefetch(Iterator<T> source, int blocksAhead) {
        this.queue = new ArrayBlockingQueue<>(blocksAhead);
        this.reader = new Thread(() -> read(source), "import-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Iterator<T> source) {
        try {
            List<T> block = new ArrayList<>(BLOCK);
            try {
                while (source.hasNext()) {
                    block.add(source.next());
                    if (block.size() == BLOCK) {
                        queue.put(new Block<>(block, null, false));
                        block = new ArrayList<>(BLOCK);
                    }
                }
                queue.put(new Block<>(block, null, true));
            } catch (RuntimeException e) {
                queue.put(new Block<>(block, e, true));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed: the consumer is gone
        }
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (last != null && last.end()) {
                if (last.failure() != null) {
                    RuntimeException failure = last.failure();
                    last = new Block<>(List.of(), null, true);
                    throw failure;
                }
                return false;
            }
            try {
                last = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading ahead", e);
            }
            current = last.items().iterator();
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Stops reading ahead. */
    @Override
    public void close() {
        reader.interrupt();
    }
}
