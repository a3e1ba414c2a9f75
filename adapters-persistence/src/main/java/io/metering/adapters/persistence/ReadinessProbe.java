package io.metering.adapters.persistence;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs a readiness check with a deadline, so that a probe answers in bounded time even while the
 * database hangs or the pool waits for a connection. At most one check runs at a time: probes that
 * arrive while one is under way wait for that one instead of piling up more database work.
 */
final class ReadinessProbe implements AutoCloseable {
    private final BooleanSupplier check;
    private final Duration deadline;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "metering-readiness");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Boolean> running;

    /**
     * @param check the check; an exception counts as not ready
     * @param deadline how long a probe waits for the check
     */
    ReadinessProbe(BooleanSupplier check, Duration deadline) {
        this.check = check;
        this.deadline = deadline;
    }

    /** @return the check's answer, or false when it failed or did not finish within the deadline */
    boolean ready() {
        try {
            return current().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized CompletableFuture<Boolean> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(check::getAsBoolean, executor);
        }
        return running;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
