package io.metering.bootstrap.importer;

/** A file that cannot be imported; the message names the line. */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     * @param cause the parse failure
     */
    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
