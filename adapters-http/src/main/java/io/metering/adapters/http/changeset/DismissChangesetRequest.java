package io.metering.adapters.http.changeset;

/**
 * Optional body of dismissReadingChangeset.
 *
 * @param reason why, echoed in the answer and not stored
 */
public record DismissChangesetRequest(String reason) {}
