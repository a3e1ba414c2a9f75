package io.metering.adapters.http.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.RecordedChangeEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * A recorded change event as one CloudEvents 1.0 JSON object (structured mode), written by the
 * CloudEvents SDK: {@code specversion}, {@code id}, {@code source} ({@code /metering/orgs/<org>}),
 * {@code type}, {@code time}, {@code subject}, {@code datacontenttype} ({@code application/json}),
 * {@code data} (the stored resource: its JSON verbatim, or a stored reading rendered by
 * {@link EventDataJson} as it was rendered when events kept it as JSON) and the extensions {@code organization},
 * {@code actor} and {@code sequence} (the event's cursor, which sorts as the feed does). Everything
 * comes from the stored row, so every rendering of one event is byte for byte the same
 * (docs/events.md "Format"); the feed and webhook deliveries share it.
 */
public final class CloudEventJson {
    /** The media type of one structured-mode event. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final EventFormat FORMAT = new JsonFormat();
    private static final EventDataJson DATA = new EventDataJson();

    private CloudEventJson() {}

    /** The event as CloudEvents JSON, UTF-8. */
    public static byte[] render(RecordedChangeEvent recorded) {
        return FORMAT.serialize(cloudEvent(recorded));
    }

    /** The event as a CloudEvents SDK event. */
    public static CloudEvent cloudEvent(RecordedChangeEvent recorded) {
        ChangeEvent e = recorded.event();
        return CloudEventBuilder.v1()
                .withId(e.id().toString())
                .withSource(source(e))
                .withType(e.type())
                .withTime(e.time().atOffset(ZoneOffset.UTC))
                .withSubject(e.subject())
                .withDataContentType("application/json")
                .withData(e.data().json(DATA::reading).getBytes(StandardCharsets.UTF_8))
                .withExtension("organization", e.org().value())
                .withExtension("actor", e.actor())
                .withExtension("sequence", recorded.position().cursor())
                .build();
    }

    private static URI source(ChangeEvent e) {
        return URI.create("/metering/orgs/" + URLEncoder.encode(e.org().value(), StandardCharsets.UTF_8));
    }
}
