package io.metering.domain.changeset;

/**
 * Who caused a changeset (contract schema {@code ChangesetCreator}).
 *
 * @param type {@code user}, {@code portal_user}, {@code api_client} or {@code automation}
 * @param id the creator's id (token subject), may be null
 */
public record ChangesetCreator(String type, String id) {}
