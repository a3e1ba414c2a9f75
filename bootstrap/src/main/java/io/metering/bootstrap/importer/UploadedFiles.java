package io.metering.bootstrap.importer;

import io.metering.application.model.CounterLocator;
import io.metering.application.model.ImportUpload;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.out.ImportFileReader;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.application.model.MeteredMessage;
import io.metering.application.service.imports.ImportJobService;
import io.metering.bootstrap.importer.mscons.MsconsInterchange;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads uploaded import files (docs/import-export.md "Imports over HTTP"): tells CSV from an
 * EDIFACT interchange by its first bytes ({@code UNA} or {@code UNB}), checks a CSV header before
 * the job is queued, and reads a CSV file ahead on a thread of its own, as the command line does.
 */
public final class UploadedFiles implements ImportFileReader {
    private final ZoneId businessZone;

    /** @param businessZone the zone of local date-times without offset */
    public UploadedFiles(ZoneId businessZone) {
        this.businessZone = businessZone;
    }

    @Override
    public String check(ImportUpload upload) {
        String content = formatOf(upload.file());
        String format = upload.format() != null ? upload.format() : content;
        if (!format.equals(content)) {
            // the complaint: an interchange read as CSV was refused for "unknown column(s)"
            throw new InvalidRequestException(RejectionReason.UNSUPPORTED_FORMAT, content.equals(ImportJobService.MSCONS)
                    ? "the file is an EDIFACT interchange, not CSV; send it as application/edifact or application/octet-stream"
                    : "the file is not an EDIFACT interchange (it starts with neither UNA nor UNB); send CSV as text/csv");
        }
        if (format.equals(ImportJobService.MSCONS)) {
            return format; // read whole by the job: an interchange is stored all or nothing
        }
        try (ReadingsCsv csv = csv(upload)) {
            return "csv";
        }
    }

    /** {@code mscons} for an EDIFACT interchange (it starts with UNA or UNB), else {@code csv}. */
    public static String formatOf(Path file) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String start = new String(head, 0, n, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "").stripLeading();
        return start.startsWith("UNA") || start.startsWith("UNB") ? ImportJobService.MSCONS : "csv";
    }

    @Override
    public List<MeteredMessage> messages(ImportUpload upload) {
        return messages(upload.file());
    }

    /** The MSCONS messages of an interchange file. */
    public static List<MeteredMessage> messages(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return MsconsInterchange.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReadingsCsv csv(ImportUpload upload) {
        Reader in;
        try {
            in = Files.newBufferedReader(upload.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new ReadingsCsv(in, businessZone, dialect(upload));
        } catch (ImportException | UncheckedIOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // refused anyway
            }
            throw new InvalidRequestException(ImportFileReason.MALFORMED_FILE, "the file is not import CSV: " + problem(e));
        }
    }

    private static CsvDialect dialect(ImportUpload upload) {
        String comma = upload.options().get("decimal_comma");
        try {
            return new CsvDialect(CsvDialect.separatorNamed(upload.options().get("delimiter")), comma == null ? null : Boolean.valueOf(comma));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "delimiter: " + e.getMessage());
        }
    }

    /** What is wrong with the file, in words: a decoding failure means it is not UTF-8 text. */
    public static String problem(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return "the file is not UTF-8 text (a binary file, or another encoding); convert it to UTF-8 CSV";
            }
        }
        return e.getMessage();
    }

    @Override
    public Rows open(ImportUpload upload, String format, CounterLocator locator) {
        ReadingsCsv csv = csv(upload);
        if (csv.needsLocator()) {
            csv.locateWith(locator);
        }
        Prefetch<ReadingInput> ahead = new Prefetch<>(csv, 40);
        return new Rows() {
            @Override
            public boolean hasNext() {
                return ahead.hasNext();
            }

            @Override
            public ReadingInput next() {
                return ahead.next();
            }

            @Override
            public java.util.OptionalLong lineOf(long row) {
                return csv.lineOf(row);
            }

            @Override
            public void close() {
                try {
                    ahead.close();
                } finally {
                    csv.close();
                }
            }
        };
    }
}
