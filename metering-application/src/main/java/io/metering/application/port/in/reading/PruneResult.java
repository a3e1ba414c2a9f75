package io.metering.application.port.in.reading;

/**
 * Outcome of a prune (contract response {@code deleted_count}, {@code kept_count}).
 *
 * @param deletedCount readings deleted, or that a real run would delete on a dry run
 * @param keptCount readings in scope that were (or would be) kept
 * @param dryRun whether nothing was deleted
 */
public record PruneResult(long deletedCount, long keptCount, boolean dryRun) {}
