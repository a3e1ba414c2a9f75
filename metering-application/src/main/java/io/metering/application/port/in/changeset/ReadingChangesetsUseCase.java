package io.metering.application.port.in.changeset;

import io.metering.application.access.Caller;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import java.util.List;

/**
 * Pending reading changesets of governed meters (contract operations getReadingChangesets,
 * updateReadingChangeset, applyReadingChangeset, dismissReadingChangeset; docs/domain.md "Changesets
 * (governed edits)"). A changeset that does not exist, belongs to another meter or counter than the
 * path names, or to another organization reads as not found.
 */
public interface ReadingChangesetsUseCase {
    /**
     * The pending changesets of a counter, oldest first. Admins and portal users (own meters).
     *
     * @throws io.metering.domain.error.NotFoundException meter or counter outside the caller's reach
     */
    List<Changeset> pending(Caller caller, MeterId meterId, CounterId counterId);

    /**
     * Edits the proposal without touching the series. Admin only.
     *
     * @return the changed changeset
     * @throws io.metering.domain.error.NotFoundException no such changeset here
     * @throws io.metering.domain.error.InvalidRequestException {@code timestamp_future},
     *     {@code direction_mismatch} (the counter declares another direction), {@code negative_value}
     */
    Changeset update(UpdateChangesetCommand command);

    /**
     * Writes the proposal through the normal write path, validation on, replacing whatever is
     * stored at the proposed key, then removes the changeset. A rejected proposal leaves the
     * changeset pending. Admin only.
     *
     * @return the stored reading and the applied changeset
     * @throws io.metering.domain.error.NotFoundException no such changeset here
     * @throws io.metering.domain.error.InvalidRequestException a write rule the proposal breaks
     */
    AppliedChangeset apply(Caller caller, ChangesetAddress address);

    /**
     * Removes the changeset without writing it. Admin only.
     *
     * @param reason why, at most 1000 characters, may be null
     * @return the changeset with the reason and the dismissal instant (neither is stored)
     * @throws io.metering.domain.error.NotFoundException no such changeset here
     */
    DismissedChangeset dismiss(Caller caller, ChangesetAddress address, String reason);
}
