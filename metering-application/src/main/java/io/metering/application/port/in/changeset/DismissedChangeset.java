package io.metering.application.port.in.changeset;

import io.metering.domain.changeset.Changeset;
import java.time.Instant;

/**
 * Outcome of dismissing a changeset (contract response of dismissReadingChangeset). The reason and
 * instant are reported, not stored (contract schema {@code MeterReadingChangeset}: they live only in
 * the response and the event stream).
 *
 * @param changeset the removed changeset
 * @param dismissedReason the reason given, may be null
 * @param dismissedAt when it was dismissed
 */
public record DismissedChangeset(Changeset changeset, String dismissedReason, Instant dismissedAt) {}
