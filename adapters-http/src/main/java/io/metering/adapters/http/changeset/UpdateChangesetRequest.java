package io.metering.adapters.http.changeset;

/**
 * Body of updateReadingChangeset.
 *
 * @param proposed the proposal fields to change
 */
record UpdateChangesetRequest(ProposedReadingRequest proposed) {}
