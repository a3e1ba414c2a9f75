package io.metering.adapters.persistence.outbox;

import io.metering.application.model.ChangeEvent;
import io.metering.application.model.EventData;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The events of one outbox row in the packed form (docs/events.md "Storage"): a header line
 * {@code #1}, then one line per event of tab-separated {@link FieldText} fields. The row's
 * organization, time and actor are its columns. A line starts with the id (empty: the previous
 * event's id plus one, as {@code ChangeEventRecorder} numbers a write's events), the type and the
 * kind: {@code j} (data rendered at the change: subject, data JSON) or {@code r} (a reading kept as
 * the domain value: meter, counter, direction, the step in epoch milliseconds from the previous
 * reading's timestamp, value as {@link BigDecimal#toString()}, source, reason, read by, status,
 * external id, remark, note, unit, then the metadata's size and its keys and values). The subject of
 * a reading is derived from it and its data rendered when served, by the same mapper as before. An
 * empty field repeats the previous event's value (for the step: the previous step) and trailing
 * empty fields are left out, so a request of 100 hourly readings of one counter takes about 1.6 KB
 * (its first line, then about 14 bytes a reading) instead of 35 KB of JSON, and its row stays
 * inline, without TOAST. Unpacking gives back equal events:
 * the same id, type, subject, and the same reading (value with its scale, metadata in its order).
 */
public final class PackedEvents {
    /** How a packed row starts; a row of the JSON array form (before this one) starts with {@code [}. */
    public static final String HEADER = "#1";

    private PackedEvents() {
    }

    /** Whether a stored row is in this form. */
    public static boolean isPacked(String row) {
        return row.startsWith(HEADER) && (row.length() == HEADER.length() || row.charAt(HEADER.length()) == '\n');
    }

    /**
     * The row text of some events (of one organization, time and actor: those are the row's columns).
     *
     * @param events at least one event
     */
    public static String pack(List<ChangeEvent> events) {
        StringBuilder out = new StringBuilder(64 + 48 * events.size()).append(HEADER);
        Writer w = new Writer(out);
        for (ChangeEvent e : events) {
            out.append('\n');
            w.event(e);
        }
        return out.toString();
    }

    /**
     * The events of a packed row.
     *
     * @param row the stored text ({@link #isPacked})
     * @param org the row's organization
     * @param time the row's time
     * @param actor the row's actor
     * @throws IllegalStateException if the text is not a packed row
     */
    public static List<ChangeEvent> unpack(String row, OrganizationId org, Instant time, String actor) {
        if (!isPacked(row)) {
            throw new IllegalStateException("not a packed outbox row");
        }
        List<ChangeEvent> events = new ArrayList<>();
        Reader r = new Reader(org, time, actor);
        int from = HEADER.length() + 1;
        while (from <= row.length()) {
            int end = row.indexOf('\n', from);
            if (end < 0) {
                end = row.length();
            }
            events.add(r.event(row.substring(from, end).split("\t", -1)));
            from = end + 1;
        }
        return events;
    }

    /** The previous event's fields: what an empty field repeats. */
    private abstract static class Previous {
        UUID id;
        String type;
        String kind;
        MeterId meter;
        CounterId counter;
        Direction direction;
        long millis;
        long step;
        BigDecimal value;
        ReadingSource source;
        String reason;
        String readBy;
        ReadingStatus status;
        String externalId;
        String remark;
        String note;
        String unit;
        Map<String, String> metadata = Map.of();
    }

    /** Writes lines, leaving out the fields that repeat the previous event's. */
    private static final class Writer extends Previous {
        private final StringBuilder out;

        Writer(StringBuilder out) {
            this.out = out;
        }

        void event(ChangeEvent e) {
            if (id == null || !e.id().equals(next(id))) {
                out.append(e.id());
            }
            id = e.id();
            out.append('\t');
            if (!e.type().equals(type)) {
                FieldText.append(out, e.type());
                type = e.type();
            }
            String k = e.data() instanceof EventData.OfReading ? "r" : "j";
            out.append('\t');
            if (!k.equals(kind)) {
                out.append(k);
                kind = k;
            }
            if (e.data() instanceof EventData.OfReading of) {
                reading(of.reading());
            } else {
                out.append('\t');
                FieldText.append(out, e.subject());
                out.append('\t');
                FieldText.append(out, e.data().json(r -> {
                    throw new IllegalStateException("rendered data holds no reading");
                }));
            }
            int end = out.length();
            while (out.charAt(end - 1) == '\t') {
                end--;
            }
            out.setLength(end);
        }

        private void reading(Reading r) {
            out.append('\t');
            if (!r.meterId().equals(meter)) {
                out.append(r.meterId().value());
                meter = r.meterId();
            }
            out.append('\t');
            if (!r.counterId().equals(counter)) {
                out.append(r.counterId().value());
                counter = r.counterId();
            }
            out.append('\t');
            if (r.direction() != direction) {
                out.append(r.direction().name());
                direction = r.direction();
            }
            long at = r.timestamp().toEpochMilli();
            out.append('\t');
            if (at - millis != step) {
                out.append(at - millis);
                step = at - millis;
            }
            millis = at;
            out.append('\t');
            if (!r.value().equals(value)) {
                out.append(r.value());
                value = r.value();
            }
            out.append('\t');
            if (r.source() != source) {
                out.append(r.source().name());
                source = r.source();
            }
            reason = text(ReadingReason.textOf(r.reason()), reason);
            readBy = text(r.readBy(), readBy);
            out.append('\t');
            if (r.status() != status) {
                out.append(r.status() == null ? "\\N" : r.status().name());
                status = r.status();
            }
            externalId = text(r.externalId(), externalId);
            remark = text(r.remark(), remark);
            note = text(r.note(), note);
            unit = text(r.unit(), unit);
            out.append('\t');
            if (!sameInOrder(r.metadata(), metadata)) {
                out.append(r.metadata().size());
                for (Map.Entry<String, String> m : r.metadata().entrySet()) {
                    out.append('\t');
                    FieldText.append(out, m.getKey());
                    out.append('\t');
                    FieldText.append(out, m.getValue());
                }
                metadata = r.metadata();
            }
        }

        private String text(String now, String before) {
            out.append('\t');
            if (!Objects.equals(now, before)) {
                FieldText.append(out, now);
            }
            return now;
        }
    }

    /** Reads lines, filling left-out fields from the previous event. */
    private static final class Reader extends Previous {
        private final OrganizationId org;
        private final Instant time;
        private final String actor;

        Reader(OrganizationId org, Instant time, String actor) {
            this.org = org;
            this.time = time;
            this.actor = actor;
        }

        ChangeEvent event(String[] f) {
            if (f[0].isEmpty()) {
                if (id == null) {
                    throw new IllegalStateException("a packed outbox row starts without an event id");
                }
                id = next(id);
            } else {
                id = UUID.fromString(f[0]);
            }
            type = field(f, 1).isEmpty() ? type : FieldText.value(f[1]);
            if (type == null) {
                throw new IllegalStateException("a packed outbox row starts without an event type");
            }
            if (!field(f, 2).isEmpty()) {
                kind = f[2];
            }
            switch (Objects.requireNonNullElse(kind, "")) {
                case "j" -> {
                    return new ChangeEvent(id, org, type, FieldText.value(field(f, 3)), time, actor, FieldText.value(field(f, 4)));
                }
                case "r" -> {
                    return new ChangeEvent(id, org, type, null, time, actor, new EventData.OfReading(reading(f)));
                }
                default -> throw new IllegalStateException("unknown kind of packed outbox event: " + kind);
            }
        }

        private Reading reading(String[] f) {
            if (!field(f, 3).isEmpty()) {
                meter = new MeterId(UUID.fromString(f[3]));
            }
            if (!field(f, 4).isEmpty()) {
                counter = new CounterId(UUID.fromString(f[4]));
            }
            if (!field(f, 5).isEmpty()) {
                direction = Direction.valueOf(f[5]);
            }
            if (!field(f, 6).isEmpty()) {
                step = Long.parseLong(f[6]);
            }
            millis += step;
            if (!field(f, 7).isEmpty()) {
                value = new BigDecimal(f[7]);
            }
            if (!field(f, 8).isEmpty()) {
                source = ReadingSource.valueOf(f[8]);
            }
            reason = text(f, 9, reason);
            readBy = text(f, 10, readBy);
            if (!field(f, 11).isEmpty()) {
                status = f[11].equals("\\N") ? null : ReadingStatus.valueOf(f[11]);
            }
            externalId = text(f, 12, externalId);
            remark = text(f, 13, remark);
            note = text(f, 14, note);
            unit = text(f, 15, unit);
            if (!field(f, 16).isEmpty()) {
                int size = Integer.parseInt(f[16]);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    m.put(FieldText.value(f[17 + 2 * i]), FieldText.value(f[18 + 2 * i]));
                }
                metadata = m;
            }
            return new Reading(meter, counter, direction, Instant.ofEpochMilli(millis), value, source, ReadingReason.of(reason),
                    readBy, status, externalId, remark, note, unit, metadata);
        }

        private static String text(String[] f, int i, String before) {
            return field(f, i).isEmpty() ? before : FieldText.value(f[i]);
        }
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : FieldText.SAME;
    }

    /** The id after this one in a write's run ({@code ChangeEventRecorder.eventId(first, index)}). */
    private static UUID next(UUID id) {
        return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() + 1);
    }

    /** Equal entries in the same order (a reading's metadata is rendered in its order). */
    private static boolean sameInOrder(Map<String, String> a, Map<String, String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, String>> i = b.entrySet().iterator();
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (!e.equals(i.next())) {
                return false;
            }
        }
        return true;
    }
}
