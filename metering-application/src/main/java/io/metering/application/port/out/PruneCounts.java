package io.metering.application.port.out;

/**
 * Outcome of a prune.
 *
 * @param deleted readings deleted (or that would be, on a dry run)
 * @param kept readings in scope that were kept
 */
public record PruneCounts(long deleted, long kept) {}
