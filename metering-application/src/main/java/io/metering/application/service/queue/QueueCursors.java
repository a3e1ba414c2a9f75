package io.metering.application.service.queue;

import io.metering.application.model.ChangesetQueuePosition;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The review queues' cursors: the position of a page's last item as base64url text, opaque to
 * clients (they only hand it back), so the store continues after it by its index instead of
 * skipping an offset.
 */
final class QueueCursors {
    private static final String CHANGESET = "c";
    private static final String READING = "r";

    private QueueCursors() {}

    static String of(ChangesetQueuePosition p) {
        return encode(CHANGESET + "|" + p.createdAt() + "|" + p.id());
    }

    /** The cursor names the order it was made in: continuing it in the other order would skip the whole queue. */
    static String of(ReadingQueuePosition p, SortOrder sort) {
        return encode(READING + "|" + p.timestamp() + "|" + p.counterId() + "|" + p.direction().code() + "|" + code(sort));
    }

    /** @throws InvalidRequestException {@code invalid_parameter} if the text is no changeset cursor */
    static ChangesetQueuePosition changeset(String cursor) {
        String[] parts = decode(cursor, CHANGESET, 3);
        try {
            return new ChangesetQueuePosition(Instant.parse(parts[1]), ChangesetId.parse(parts[2]).orElseThrow(() -> invalid()));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /**
     * @throws InvalidRequestException {@code invalid_parameter} if the text is no reading cursor, or
     *     one made for the other order
     */
    static ReadingQueuePosition reading(String cursor, SortOrder sort) {
        String[] parts = decode(cursor, READING, 5);
        if (!parts[4].equals(code(sort))) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "cursor was handed out for sort=" + parts[4]
                    + ", not sort=" + code(sort) + "; ask with sort=" + parts[4] + " or start without a cursor");
        }
        try {
            return new ReadingQueuePosition(Instant.parse(parts[1]), CounterId.parse(parts[2]).orElseThrow(() -> invalid()),
                    Direction.fromCode(parts[3]).orElseThrow(() -> invalid()));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static String code(SortOrder sort) {
        return sort.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor, String kind, int parts) {
        try {
            String[] split = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (split.length != parts || !split[0].equals(kind)) {
                throw invalid();
            }
            return split;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "cursor is not one this list handed out; start without it");
    }
}
