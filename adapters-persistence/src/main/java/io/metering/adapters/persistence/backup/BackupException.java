package io.metering.adapters.persistence.backup;

/** A backup that cannot be taken or a file that cannot be restored; the message says why and what to do. */
public final class BackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for the operator */
    public BackupException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for the operator
     * @param cause the underlying failure
     */
    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
