package io.metering.adapters.http.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Body of batchWriteMeterReadings.
 *
 * @param identifiers the identifier paths as sent; kept as JSON so that any wrong shape answers
 *     {@code invalid_identifiers} like a wrong path does
 * @param readings 1 to 100 items
 */
record BatchWriteRequest(JsonNode identifiers, List<BatchReadingRequest> readings) {}
