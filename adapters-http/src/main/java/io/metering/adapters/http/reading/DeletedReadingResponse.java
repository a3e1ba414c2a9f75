package io.metering.adapters.http.reading;

import java.time.Instant;

/**
 * {@code data} of deleteMeterReading's answer, in the contract's camelCase spelling.
 *
 * @param meterId the meter
 * @param counterId the counter
 * @param timestamp the deleted reading's instant
 */
record DeletedReadingResponse(String meterId, String counterId, Instant timestamp) {}
