package io.metering.adapters.http.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.metering.adapters.http.changeset.ChangesetMapper;
import io.metering.adapters.http.counter.CounterJson;
import io.metering.adapters.http.json.JsonMapping;
import io.metering.adapters.http.json.WireCodes;
import io.metering.adapters.http.meter.MeterJson;
import io.metering.adapters.http.reading.ReadingMapper;
import io.metering.adapters.http.reading.ReadingResponse;
import io.metering.application.model.ImportedReadings;
import io.metering.application.port.out.ChangeEventData;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ChangeEventData} with the API's own mappers and JSON rules: an event's {@code data} is the
 * resource exactly as the operations answer it (decimals plain and exact, instants to the
 * millisecond; docs/events.md "Format").
 */
public final class EventDataJson implements ChangeEventData {
    private final ObjectMapper mapper = JsonMapping.create();
    // a reading is rendered for every reading event: its writer is resolved once, not per call
    private final ObjectWriter readingWriter = mapper.writerFor(ReadingResponse.class);

    @Override
    public String reading(Reading reading) {
        try {
            // as UTF-8 bytes, then a String (Latin-1 fast path): skips the char buffer of writeValueAsString, which
            // is compressed again into the String (StringUTF16.compress was a visible share of the JFR profile)
            return new String(readingWriter.writeValueAsBytes(ReadingMapper.INSTANCE.toResponse(reading)), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reading could not be written as JSON", e);
        }
    }

    @Override
    public String meter(Meter meter) {
        return write(MeterJson.meter(meter));
    }

    @Override
    public String counter(Counter counter) {
        return write(CounterJson.counter(counter));
    }

    @Override
    public String changeset(Changeset changeset) {
        return write(ChangesetMapper.INSTANCE.toResponse(changeset));
    }

    @Override
    public String imported(ImportedReadings chunk) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("counter_ids", chunk.counters().stream().map(WireCodes::id).toList());
        out.put("from", chunk.from());
        out.put("to", chunk.to());
        out.put("readings", chunk.readings());
        return write(out);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resource could not be written as JSON", e);
        }
    }
}
