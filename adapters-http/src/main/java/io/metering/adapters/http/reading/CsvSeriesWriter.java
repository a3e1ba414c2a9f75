package io.metering.adapters.http.reading;

import io.javalin.http.Context;
import io.metering.adapters.http.json.JsonMapping;
import io.metering.application.port.in.reading.ReadingsSink;
import io.metering.application.port.in.reading.ReadingView;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.time.InstantText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * getReadingsByInterval as CSV ({@code Accept: text/csv}), written while the readings come from
 * the database: RFC 4180, UTF-8, CRLF line ends, a header row, one row per reading with the fields
 * and values of the JSON answer ({@link ReadingResponse}): {@code value} is the same exact decimal
 * ({@link JsonMapping#plain}), {@code timestamp} the same UTC instant with milliseconds; an absent
 * field is an empty cell. Text is written as stored: a cell may begin with {@code =}, {@code +},
 * {@code -} or {@code @}, so import it as text into a spreadsheet (docs/security.md).
 */
final class CsvSeriesWriter implements ReadingsSink {
    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("meter_id", "counter_id", "direction", "timestamp", "value", "source", "reason",
            "status", "read_by", "external_id", "remark", "note", "unit");
    /** The media type of the answer. */
    static final String MEDIA_TYPE = "text/csv";

    private final Context ctx;
    private Writer out;

    /** @param ctx the request, answered 200 once {@link #start} is called */
    CsvSeriesWriter(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start(long hits, Instant firstRecordAt) {
        ctx.status(200).contentType(MEDIA_TYPE + "; charset=utf-8").header("X-Total-Count", Long.toString(hits));
        out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 16 * 1024);
        row(COLUMNS);
    }

    @Override
    public void reading(ReadingView view) {
        ReadingResponse r = ReadingMapper.INSTANCE.toResponse(view);
        row(List.of(text(r.meterId()), text(r.counterId()), text(r.direction()), r.timestamp() == null ? "" : InstantText.millis(r.timestamp()),
                number(r.value()), text(r.source()), text(r.reason()), text(r.status()), text(r.readBy()), text(r.externalId()),
                text(r.remark()), text(r.note()), text(r.unit())));
    }

    @Override
    public void end(List<Changeset> pendingChangesets) {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : JsonMapping.plain(value);
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
