package io.metering.application.port.in.reading;

import io.metering.application.access.Caller;
import java.util.Objects;

/**
 * Change one stored reading (contract operation updateMeterReading). Admin only.
 *
 * @param caller who writes
 * @param address the reading to change
 * @param changes its new content
 * @param options {@code skip_validation}; {@code direct} confirms on governed meters (null: defaults)
 */
public record UpdateReadingCommand(Caller caller, ReadingAddress address,
        ReadingChanges changes, WriteOptions options) {
    /** @throws NullPointerException if caller, address or changes is null */
    public UpdateReadingCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(changes, "changes");
        options = options == null ? WriteOptions.DEFAULT : options;
    }
}
