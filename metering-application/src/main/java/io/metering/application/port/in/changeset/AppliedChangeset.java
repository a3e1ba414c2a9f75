package io.metering.application.port.in.changeset;

import io.metering.domain.changeset.Changeset;
import io.metering.domain.reading.Reading;

/**
 * Outcome of applying a changeset (contract response of applyReadingChangeset).
 *
 * @param reading the reading now stored
 * @param changeset the changeset as it was before it was removed
 */
public record AppliedChangeset(Reading reading, Changeset changeset) {}
