package io.metering.application.port.in.imports;

/** Hears how far an import has come; called on the importing thread after each chunk. */
@FunctionalInterface
public interface ImportProgress {
    /** Hears nothing. */
    ImportProgress NONE = (rows, committed) -> { };

    /**
     * @param rows readings validated and handed to the store so far (a per-file import writes the
     *     last ones behind, before it commits)
     * @param committed whether they are committed (per-chunk imports) or wait for the end (per-file)
     */
    void written(long rows, boolean committed);
}
