package io.metering.adapters.http.reading;

import io.metering.application.model.FieldChange;
import io.metering.application.port.in.reading.ReadingChanges;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an updateMeterReading body as read, before an absent field (keep the stored
 * value) is told apart from an explicit JSON {@code null} (clear it; the contract marks
 * {@code remark}, {@code read_by}, {@code reason} and {@code status} nullable).
 */
record UpdateFields(BigDecimal value, ReadingSource source, Instant timestamp, ReadingReason reason, String readBy, ReadingStatus status,
        String externalId, String remark, Map<String, String> metadata) {
    /**
     * @param nulls the body's fields, by JSON name, sent as an explicit {@code null}
     * @throws io.metering.domain.error.InvalidRequestException {@code missing_params} without value or source
     */
    ReadingChanges changes(Set<String> nulls) {
        return new ReadingChanges(value, source, timestamp, change("reason", reason, nulls), change("read_by", readBy, nulls),
                change("status", status, nulls), change("external_id", externalId, nulls), change("remark", remark, nulls),
                change("metadata", metadata, nulls));
    }

    private static <T> FieldChange<T> change(String field, T sent, Set<String> nulls) {
        return sent == null && nulls.contains(field) ? FieldChange.clear() : FieldChange.setOrKeep(sent);
    }
}
