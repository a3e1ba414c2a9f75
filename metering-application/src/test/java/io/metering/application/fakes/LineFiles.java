package io.metering.application.fakes;

import io.metering.application.model.CounterLocator;
import io.metering.application.model.ImportUpload;
import io.metering.application.model.MeterKey;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.out.ImportFileReader;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.ReadingSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A file format for tests of import jobs without the real parsers: format {@code lines}, one
 * reading a line as {@code ma_lo_id counter_id timestamp value}; anything else is {@code unsupported_format}.
 */
public final class LineFiles implements ImportFileReader {
    @Override
    public String check(ImportUpload upload) {
        try {
            String text = Files.readString(upload.file());
            if (!text.startsWith("lines\n")) {
                throw new InvalidRequestException(RejectionReason.UNSUPPORTED_FORMAT, "not a lines file");
            }
            return "lines";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Rows open(ImportUpload upload, String format, CounterLocator locator) {
        List<String> lines;
        try {
            lines = Files.readAllLines(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Iterator<String> it = lines.subList(1, lines.size()).iterator();
        return new Rows() {
            private int line = 1;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ReadingInput next() {
                String[] f = it.next().split(" ");
                line++;
                try {
                    return new ReadingInput(locator.meter(new MeterKey(MeterKey.Kind.MA_LO_ID, f[0])),
                            new CounterId(UUID.fromString(f[1])), null, Instant.parse(f[2]), new BigDecimal(f[3]), ReadingSource.ERP,
                            null, null, null, null, null, null, null, Map.of());
                } catch (InvalidRequestException e) {
                    throw e.at("line " + line);
                }
            }

            @Override
            public void close() {
                // nothing held open
            }
        };
    }

    @Override
    public List<io.metering.application.model.MeteredMessage> messages(ImportUpload upload) {
        throw new InvalidRequestException(RejectionReason.UNSUPPORTED_FORMAT, "lines files hold no messages");
    }
}
