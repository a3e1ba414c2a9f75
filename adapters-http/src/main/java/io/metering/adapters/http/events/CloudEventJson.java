package io.metering.adapters.http.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.domain.time.InstantText;
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
    private static final byte[] TIME_KEY = "\"time\":\"".getBytes(StandardCharsets.US_ASCII);

    private CloudEventJson() {}

    /** The event as CloudEvents JSON, UTF-8, its {@code time} written like the API's other instants. */
    public static byte[] render(RecordedChangeEvent recorded) {
        return withMillis(FORMAT.serialize(cloudEvent(recorded)), InstantText.millis(recorded.event().time()));
    }

    /**
     * Replaces the SDK's {@code time} text (ISO-8601 with the fewest fraction digits: {@code .01Z}) by
     * exactly three digits ({@code .010Z}, docs/events.md "Format"). The SDK writes the attribute before
     * {@code data}, and a JSON string value can hold no unescaped quote, so the first {@code "time":"}
     * is the attribute.
     */
    static byte[] withMillis(byte[] json, String millis) {
        int start = indexOf(json, TIME_KEY, 0);
        if (start < 0) {
            return json;
        }
        int from = start + TIME_KEY.length;
        int to = from;
        while (json[to] != '"') {
            to++;
        }
        byte[] time = millis.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[json.length - (to - from) + time.length];
        System.arraycopy(json, 0, out, 0, from);
        System.arraycopy(time, 0, out, from, time.length);
        System.arraycopy(json, to, out, from + time.length, json.length - to);
        return out;
    }

    private static int indexOf(byte[] text, byte[] key, int from) {
        outer:
        for (int i = from; i <= text.length - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (text[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
