package io.metering.bootstrap.db;

/** The embedded store cannot start; the message says why and what to do. */
public final class EmbeddedDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, may be null
     */
    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
