package io.metering.application.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An uploaded file to import, spooled to disk by the adapter that took it.
 *
 * @param file the spooled file; the job deletes it when done
 * @param format {@code csv}, {@code mscons}, or null to find it from the content
 * @param commit what is all or nothing
 * @param chunkSize records validated and written together
 * @param validate false to skip the ordering and plausibility rules
 * @param options format options (CSV: {@code delimiter}, {@code decimal_comma})
 */
public record ImportUpload(Path file, String format, ImportCommit commit, int chunkSize, boolean validate,
        Map<String, String> options) {
    /** @throws NullPointerException if the file or commit is missing */
    public ImportUpload {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(commit, "commit");
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
