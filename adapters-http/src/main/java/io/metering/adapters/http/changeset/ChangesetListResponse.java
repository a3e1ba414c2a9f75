package io.metering.adapters.http.changeset;

import java.util.List;

/**
 * Answer of getReadingChangesets.
 *
 * @param changesets the counter's pending changesets, oldest first
 */
record ChangesetListResponse(List<ChangesetResponse> changesets) {}
