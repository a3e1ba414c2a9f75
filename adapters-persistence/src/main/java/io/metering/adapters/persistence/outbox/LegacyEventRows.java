package io.metering.adapters.persistence.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.metering.application.model.ChangeEvent;
import io.metering.domain.tenant.OrganizationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Outbox rows written before the packed form ({@link PackedEvents}), up to 0.9.0 and its successors
 * until the packed form: a JSON array of {@code {"id", "type", "subject", "data"}} with each
 * event's data kept verbatim. Read so that a database upgraded with such events in its outbox serves
 * them as before: the data is the exact text stored (as PostgreSQL's {@code json ->} gave it).
 */
public final class LegacyEventRows {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private LegacyEventRows() {
    }

    /** Whether a stored row is in this form. */
    public static boolean isLegacy(String row) {
        return !row.isEmpty() && row.charAt(0) == '[';
    }

    /**
     * The events of a row.
     *
     * @throws IllegalStateException if the row is not such an array
     */
    public static List<ChangeEvent> unpack(String row, OrganizationId org, Instant time, String actor) {
        List<ChangeEvent> events = new ArrayList<>();
        try (JsonParser p = JSON.createParser(row)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String id = null;
                String type = null;
                String subject = null;
                String data = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("data")) {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        if (value.isStructStart()) {
                            p.skipChildren();
                        } else {
                            p.finishToken();
                        }
                        data = row.substring(start, (int) p.currentLocation().getCharOffset());
                    } else if (value.isStructStart()) {
                        p.skipChildren();
                    } else {
                        String text = p.getValueAsString();
                        switch (name) {
                            case "id" -> id = text;
                            case "type" -> type = text;
                            case "subject" -> subject = text;
                            default -> { }
                        }
                    }
                }
                if (id == null || type == null || subject == null || data == null) {
                    throw new IllegalStateException("an outbox event lacks its id, type, subject or data");
                }
                events.add(new ChangeEvent(UUID.fromString(id), org, type, subject, time, actor, data));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
        } catch (IOException e) {
            throw new UncheckedIOException("an outbox row is not a JSON array of events", e);
        }
        return events;
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("an outbox row is not a JSON array of events: " + token);
        }
    }
}
