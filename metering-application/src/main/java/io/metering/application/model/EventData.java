package io.metering.application.model;

import io.metering.domain.reading.Reading;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code data} of a change event: either JSON rendered when the change was made, or a reading
 * kept as the domain value and rendered by the API's reading mapper when the event is served. A
 * reading is rendered by the same code either way, so both give the same JSON; keeping the reading
 * lets the outbox store it compactly instead of 100 rendered JSON objects per request
 * (docs/events.md "Format", docs/benchmarks.md "Change events").
 */
public sealed interface EventData permits EventData.Json, EventData.OfReading {
    /**
     * @param renderReading renders a reading as the API shows it (the HTTP adapter's reading mapper)
     * @return the data as one JSON object, as text
     */
    String json(Function<Reading, String> renderReading);

    /**
     * Data rendered at the change, served verbatim.
     *
     * @param text one JSON value as text
     */
    record Json(String text) implements EventData {
        /** @throws NullPointerException if the text is null */
        public Json {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String json(Function<Reading, String> renderReading) {
            return text;
        }
    }

    /**
     * A reading as it was at the change, rendered as getMeterReadings shows it when served.
     *
     * @param reading the reading
     */
    record OfReading(Reading reading) implements EventData {
        /** @throws NullPointerException if the reading is null */
        public OfReading {
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public String json(Function<Reading, String> renderReading) {
            return renderReading.apply(reading);
        }

        /** The reading's subject: {@code counters/<counter_id>/readings/<direction>/<timestamp>}, the key the API addresses it by. */
        public String subject() {
            return "counters/" + reading.counterId() + "/readings/" + reading.direction().code() + "/" + reading.timestamp();
        }
    }
}
