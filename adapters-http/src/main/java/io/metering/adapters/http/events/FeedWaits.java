package io.metering.adapters.http.events;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Long polls of the change event feed without a thread per waiting request: each waiting request
 * is a future that a small shared scheduler polls every {@link #TICK} until the read finds events
 * or the wait ends (docs/events.md "Long polling"). So a consumer sees a committed event within
 * about a tick, and at most {@link #MAX_WAITING} requests wait at once; further ones are answered
 * at once, as without {@code wait}.
 */
final class FeedWaits implements AutoCloseable {
    /** How often a waiting request reads again. */
    static final Duration TICK = Duration.ofMillis(250);
    /** Requests waiting at once, at most. */
    static final int MAX_WAITING = 256;

    private final ScheduledExecutorService ticker;
    private final AtomicInteger waiting = new AtomicInteger();

    FeedWaits() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "event-feed-wait");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.ticker = pool;
    }

    /**
     * Reads until the read answers something or the wait is over, then answers the last read.
     *
     * @param read one read: empty while there is nothing new
     * @param finalRead the answer when the wait ends without news
     * @param wait how long to wait at most
     * @return the answer, or empty at once when {@link #MAX_WAITING} requests already wait
     */
    <T> Optional<CompletableFuture<T>> await(Supplier<Optional<T>> read, Supplier<T> finalRead, Duration wait) {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return Optional.empty();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        long deadline = System.nanoTime() + wait.toNanos();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable tick = () -> {
            if (answer.isDone()) {
                return;
            }
            try {
                Optional<T> news = read.get();
                if (news.isPresent()) {
                    answer.complete(news.get());
                } else if (System.nanoTime() - deadline >= 0) {
                    answer.complete(finalRead.get());
                }
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        };
        task.set(ticker.scheduleWithFixedDelay(tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS));
        answer.whenComplete((v, e) -> {
            waiting.decrementAndGet();
            ScheduledFuture<?> t = task.get();
            if (t != null) {
                t.cancel(false);
            }
        });
        return Optional.of(answer);
    }

    /** Requests waiting now. */
    int waiting() {
        return waiting.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
