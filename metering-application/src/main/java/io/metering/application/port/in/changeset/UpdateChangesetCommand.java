package io.metering.application.port.in.changeset;

import io.metering.application.access.Caller;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.Objects;

/**
 * Edit a pending changeset's proposal (contract operation updateReadingChangeset). Admin only.
 *
 * @param caller who edits
 * @param address the changeset
 * @param changes the proposal fields to change, at least one
 */
public record UpdateChangesetCommand(Caller caller, ChangesetAddress address, ProposalChanges changes) {
    /** @throws InvalidRequestException {@code missing_params} when no field is changed */
    public UpdateChangesetCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(address, "address");
        if (changes == null || changes.isEmpty()) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "proposed must change at least one field");
        }
    }
}
