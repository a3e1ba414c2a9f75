package io.metering.bootstrap;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread that import jobs run on, in upload order, which gives the heap back once
 * the queue is empty and the imports have grown it.
 *
 * <p>Why: a large import keeps its followed series and chunks in flight long enough for the
 * serial collector to move them to the old generation; after the import they are garbage that only
 * a full collection reclaims, and until then the service holds a heap sized for the import (peak
 * RSS 257-261 MiB against 229 over an import and the reads after it, docs/benchmarks.md "Peak RSS:
 * the heap an import leaves"). So when the last queued job ends and the committed heap is at least
 * {@link #GROWTH} larger than when the run of jobs began, one full collection is asked for. With
 * {@code -XX:-ShrinkHeapInSteps} (the production options) the collector then gives the free part
 * back at once; small imports, which do not grow the heap, cause no collection.
 */
final class ImportThread extends ThreadPoolExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ImportThread.class);
    /** Heap growth over a run of imports, in bytes, from which a full collection is worth its pause. */
    static final long GROWTH = 16L << 20;

    private final LongSupplier committedHeap;
    private final Runnable fullCollection;
    /** Committed heap when the current run of jobs began; -1 between runs. Touched by the import thread only. */
    private long atStart = -1;

    /**
     * @param committedHeap the heap's committed bytes ({@code Runtime::totalMemory} in production)
     * @param fullCollection asks for a full collection ({@code System::gc} in production)
     */
    ImportThread(LongSupplier committedHeap, Runnable fullCollection) {
        super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "import-job");
            t.setDaemon(true);
            return t;
        });
        this.committedHeap = committedHeap;
        this.fullCollection = fullCollection;
    }

    /** The import thread of a running service: the JVM's own heap figure and collection. */
    static ImportThread ofRuntime() {
        Runtime runtime = Runtime.getRuntime();
        return new ImportThread(runtime::totalMemory, System::gc);
    }

    @Override
    protected void beforeExecute(Thread t, Runnable r) {
        if (atStart < 0) {
            atStart = committedHeap.getAsLong();
        }
    }

    @Override
    protected void afterExecute(Runnable r, Throwable failure) {
        if (!getQueue().isEmpty()) {
            return;
        }
        long grown = committedHeap.getAsLong() - atStart;
        atStart = -1;
        if (grown >= GROWTH) {
            LOG.debug("Imports grew the heap by {} MiB; asking for a full collection", grown >> 20);
            fullCollection.run();
        }
    }
}
