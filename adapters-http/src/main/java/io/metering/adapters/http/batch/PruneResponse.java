package io.metering.adapters.http.batch;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code data} of pruneMeterReadings' answer.
 *
 * @param deletedCount readings deleted, or that a real run would delete on a dry run
 * @param keptCount readings in scope that were (or would be) kept
 */
record PruneResponse(@JsonProperty("deleted_count") long deletedCount, @JsonProperty("kept_count") long keptCount) {}
