package io.metering.application.port.out;

/**
 * The store cannot serve the request now: the database refuses or lost the connection, is shutting
 * down or starting up, or no pooled connection became free in time. Raised by the persistence
 * adapter; the HTTP adapter answers 503, and the same request may succeed once the database is back.
 *
 * <p>Nothing a failed request wrote is kept, with one exception inherent to any database client: when
 * the connection is lost while the commit itself is under way, the commit may have happened. Clients
 * retrying such a write then see the outcome (a v1 create answers {@code duplicate_reading}, a v2
 * upsert simply repeats).
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for the log (callers are told only that the store is unavailable)
     * @param cause the driver's or pool's exception
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
