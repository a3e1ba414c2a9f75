package io.metering.application.port.in;

/** Hears how far an import has come; called on the importing thread after each chunk. */
@FunctionalInterface
public interface ImportProgress {
    /** Hears nothing. */
    ImportProgress NONE = (rows, committed) -> { };

    /**
     * @param rows readings validated and written so far
     * @param committed whether they are committed (per-chunk imports) or wait for the end (per-file)
     */
    void written(long rows, boolean committed);
}
