package io.metering.application.port.in.imports;

import io.metering.application.model.ImportCommit;
import io.metering.application.model.ReadingInput;
import io.metering.application.access.Caller;
import java.util.Iterator;
import java.util.Objects;

/**
 * Import many readings, read one by one from a source too large for one request.
 *
 * @param caller who imports; only admins may
 * @param readings the readings in file order; the iterator may throw
 *     {@link io.metering.domain.error.InvalidRequestException} for a malformed record, which stops
 *     the import like a rejected reading
 * @param chunkSize readings validated and written together, 1 to {@link #MAX_CHUNK_SIZE}
 * @param commit what is all or nothing
 * @param validate false to skip the ordering and plausibility rules (an admin's
 *     {@code skip_validation}); duplicates and negative values are refused either way
 */
public record ImportReadingsCommand(Caller caller, Iterator<ReadingInput> readings, int chunkSize, ImportCommit commit, boolean validate) {
    /** The default chunk size: large enough that per-chunk queries cost nothing per reading. */
    public static final int DEFAULT_CHUNK_SIZE = 20_000;

    /**
     * The largest chunk size: a chunk is held in memory while it is validated, so a larger one would
     * exhaust the heap of a small service JVM before it saved any work.
     */
    public static final int MAX_CHUNK_SIZE = 1_000_000;

    /** @throws IllegalArgumentException if the chunk size is below 1 or above {@link #MAX_CHUNK_SIZE} */
    public ImportReadingsCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(commit, "commit");
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be 1 to " + MAX_CHUNK_SIZE + ", not " + chunkSize);
        }
    }
}
