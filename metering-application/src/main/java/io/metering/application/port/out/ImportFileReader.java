package io.metering.application.port.out;

import io.metering.application.model.CounterLocator;
import io.metering.application.model.ImportUpload;
import io.metering.application.model.ReadingInput;
import io.metering.application.model.MeteredMessage;
import java.util.Iterator;
import java.util.List;

/** Reads uploaded import files of the formats the service knows into readings (docs/import-export.md). */
public interface ImportFileReader {
    /**
     * The file's format, from the upload's or its content, after checking what can be checked at
     * once (a CSV header, an interchange's header).
     *
     * @return {@code csv} or {@code mscons}
     * @throws io.metering.domain.error.InvalidRequestException {@code unsupported_format} or
     *     {@code invalid_body}
     */
    String check(ImportUpload upload);

    /**
     * Opens the file for reading.
     *
     * @param format as {@link #check} found it
     * @param locator finds meters and counters by the user's keys
     * @return the readings in file order; their iterator may throw
     *     {@link io.metering.domain.error.InvalidRequestException} naming the position
     */
    Rows open(ImportUpload upload, String format, CounterLocator locator);

    /**
     * Reads a file of market messages ({@code mscons}) whole: an interchange is stored all or nothing.
     *
     * @throws io.metering.domain.error.InvalidRequestException naming the segment position, for a
     *     malformed interchange or an unsupported message type ({@code unsupported_format})
     */
    List<MeteredMessage> messages(ImportUpload upload);

    /** Deletes the uploaded file; the job calls it when done, or when {@link #check} refused the file. */
    default void discard(ImportUpload upload) {
        try {
            java.nio.file.Files.deleteIfExists(upload.file());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Readings read from a file; close releases the file. */
    interface Rows extends Iterator<ReadingInput>, AutoCloseable {
        @Override
        void close();

        /**
         * The line data row {@code row} ({@code readings[i]}, 0-based) starts on, for a refusal that
         * names only the row (a write rule's); empty when the format has no lines or the row was not read.
         */
        default java.util.OptionalLong lineOf(long row) {
            return java.util.OptionalLong.empty();
        }
    }
}
