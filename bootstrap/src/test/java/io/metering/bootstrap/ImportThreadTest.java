package io.metering.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The import thread asks for one full collection when a run of imports has grown the heap, and only then. */
class ImportThreadTest {
    private final AtomicLong heap = new AtomicLong(64L << 20);
    private final AtomicInteger collections = new AtomicInteger();
    private final ImportThread thread = new ImportThread(heap::get, collections::incrementAndGet);

    @AfterEach
    void stop() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void anImportThatGrewTheHeapIsFollowedByOneFullCollection() throws InterruptedException {
        run(() -> heap.addAndGet(ImportThread.GROWTH));
        assertThat(collections).hasValue(1);
    }

    @Test
    void anImportThatLeftTheHeapAsItWasCausesNoCollection() throws InterruptedException {
        run(() -> heap.addAndGet(ImportThread.GROWTH - 1));
        assertThat(collections).hasValue(0);
    }

    @Test
    void queuedImportsCollectOnceAfterTheLastAndMeasureFromTheFirst() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        thread.execute(() -> {
            await(release);
            heap.addAndGet(ImportThread.GROWTH / 2);
        });
        thread.execute(() -> heap.addAndGet(ImportThread.GROWTH / 2)); // queued behind the first
        release.countDown();
        drain();
        assertThat(collections).hasValue(1);
    }

    @Test
    void aFailedImportStillGivesTheHeapBack() throws InterruptedException {
        run(() -> {
            heap.addAndGet(2 * ImportThread.GROWTH);
            throw new IllegalStateException("the import failed");
        });
        assertThat(collections).hasValue(1);
    }

    @Test
    void theNextRunMeasuresFromItsOwnStart() throws InterruptedException {
        run(() -> heap.addAndGet(ImportThread.GROWTH));
        run(() -> heap.addAndGet(ImportThread.GROWTH / 2)); // the heap stays large, but this run did not grow it
        assertThat(collections).hasValue(1);
    }

    private void run(Runnable job) throws InterruptedException {
        thread.execute(job);
        drain();
    }

    /** Waits until every queued job, and the hook after it, has run. */
    private void drain() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        // afterExecute of the previous job runs before this one starts: one thread
        thread.execute(done::countDown);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        // the marker job's own afterExecute: give it a moment to finish
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getCompletedTaskCount() < thread.getTaskCount() && System.nanoTime() < until) {
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
