package io.metering.adapters.http.reading;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import io.metering.adapters.http.changeset.ChangesetMapper;
import io.metering.adapters.http.json.JsonMapping;
import io.metering.application.port.in.reading.ReadingView;
import io.metering.application.port.in.reading.ReadingsSink;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.time.InstantText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes getReadingsByInterval's JSON answer while the readings come from the database: the same
 * object as a page ({@link ReadingsPageResponse}, members in the order {@code hits},
 * {@code firstRecordCreatedAt}, {@code results}, {@code pending_changesets}), one reading at a
 * time onto the response, so the answer's size never lives in memory.
 */
final class JsonSeriesWriter implements ReadingsSink {
    /** Readings are written without a flush each; Jetty sends its buffer when full. */
    private static final ObjectWriter WRITER = JsonMapping.create().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final Context ctx;
    private final boolean withChangesets;
    private JsonGenerator json;
    private SequenceWriter results;

    /**
     * @param ctx the request, answered 200 once {@link #start} is called
     * @param withChangesets whether {@code pending_changesets} is part of the answer
     */
    JsonSeriesWriter(Context ctx, boolean withChangesets) {
        this.ctx = ctx;
        this.withChangesets = withChangesets;
    }

    @Override
    public void start(long hits, Instant firstRecordAt) {
        ctx.status(200).contentType("application/json");
        try {
            json = WRITER.getFactory().createGenerator(ctx.outputStream());
            json.writeStartObject();
            json.writeNumberField("hits", hits);
            if (firstRecordAt != null) {
                json.writeStringField("firstRecordCreatedAt", InstantText.millis(firstRecordAt));
            }
            json.writeFieldName("results");
            // one serializer for every reading, looked up once
            results = WRITER.writeValuesAsArray(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void reading(ReadingView reading) {
        try {
            results.write(ReadingMapper.INSTANCE.toResponse(reading));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end(List<Changeset> pendingChangesets) {
        try {
            results.close(); // ends the array; the generator stays open
            if (withChangesets) {
                json.writeFieldName("pending_changesets");
                WRITER.writeValue(json, ChangesetMapper.INSTANCE.toResponses(pendingChangesets));
            }
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
