package io.metering.adapters.http.changeset;

/**
 * Optional body of dismissReadingChangeset.
 *
 * @param reason why, echoed in the answer and not stored
 */
record DismissChangesetRequest(String reason) {}
