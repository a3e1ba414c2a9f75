package io.metering.application.port.in.reading;

/**
 * Prunes a meter's readings against a keep list of external ids (contract operation
 * pruneMeterReadings; docs/domain.md#batch-v2-and-prune). In scope are the meter's readings,
 * optionally of one counter and of one source. Readings whose external id is in the keep list are
 * kept; readings without external id are deleted only when a source is given (no keep list can
 * name them) and kept otherwise; every other reading is deleted. A dry run returns the counts a
 * real run would.
 *
 * <p>Prune runs no ordering check: it declares which readings an external system of record holds,
 * and the contract offers no {@code skip_validation} to override a refusal. Pending changesets are
 * left alone.
 */
public interface PruneReadingsUseCase {
    /**
     * @param command the scope and keep list
     * @return deleted and kept counts
     * @throws io.metering.domain.error.NotFoundException the meter is unknown or outside the
     *     organization, or the counter is not one of the meter's
     * @throws io.metering.domain.error.ForbiddenException for portal callers
     */
    PruneResult prune(PruneReadingsCommand command);
}
