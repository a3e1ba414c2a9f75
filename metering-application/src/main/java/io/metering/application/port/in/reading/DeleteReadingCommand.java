package io.metering.application.port.in.reading;

import io.metering.application.access.Caller;
import java.util.Objects;

/**
 * Delete a stored reading (contract operation deleteMeterReading). Admin only.
 *
 * @param caller who deletes
 * @param address the reading; without a direction see {@link DeleteReadingUseCase}
 * @param skipValidation skip the ordering check of the series left behind
 */
public record DeleteReadingCommand(Caller caller, ReadingAddress address, boolean skipValidation) {
    /** @throws NullPointerException if caller or address is null */
    public DeleteReadingCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(address, "address");
    }
}
