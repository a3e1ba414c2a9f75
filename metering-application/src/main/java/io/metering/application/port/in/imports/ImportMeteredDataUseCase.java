package io.metering.application.port.in.imports;

import io.metering.application.model.MeteredMessage;
import io.metering.application.access.Caller;
import java.util.List;

/**
 * Imports market messages of metered data (MSCONS, docs/load-profiles.md): register readings under
 * the rules of every reading write, interval values into the counters' load profiles. All messages
 * of one file are stored together or not at all.
 */
public interface ImportMeteredDataUseCase {
    /**
     * What an import stored.
     *
     * @param readings register readings stored
     * @param intervalValues interval values stored (replacing the ones their messages cover)
     */
    record Report(long readings, long intervalValues) {}

    /**
     * @param messages the file's messages
     * @return what was stored
     * @throws io.metering.domain.error.InvalidRequestException naming the message position
     *     ({@code segment N}) and what is wrong: {@code unknown_key} for an unknown location or OBIS
     *     code, {@code ambiguous_key}, {@code invalid_value} for an unknown quantity qualifier,
     *     {@code invalid_timestamp} for overlapping intervals, or a reading rule; nothing is stored then
     * @throws io.metering.domain.error.ForbiddenException if the caller is not an admin
     */
    Report importMessages(Caller caller, List<MeteredMessage> messages);
}
