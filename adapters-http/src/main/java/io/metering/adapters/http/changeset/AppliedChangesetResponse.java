package io.metering.adapters.http.changeset;

import io.metering.adapters.http.reading.ReadingResponse;

/**
 * Answer of applyReadingChangeset.
 *
 * @param reading the reading now stored
 * @param changeset the applied changeset as it was before it was removed
 */
record AppliedChangesetResponse(ReadingResponse reading, ChangesetResponse changeset) {}
