package io.metering.adapters.http;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of the HTTP adapter.
 *
 * @param businessZone the zone of calendar-day inputs ({@code start_date}/{@code end_date} given as
 *     dates, local date-times without offset); docs/domain.md#values-instants-days
 * @param maxRequestBytes the largest request body accepted, in bytes; larger bodies answer 413
 */
public record HttpSettings(ZoneId businessZone, long maxRequestBytes) {
    /** One mebibyte: room for 100 readings with generous metadata. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024L * 1024L;

    /** @throws IllegalArgumentException if the size limit is not positive */
    public HttpSettings {
        Objects.requireNonNull(businessZone, "businessZone");
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
    }

    /** Europe/Berlin and {@link #DEFAULT_MAX_REQUEST_BYTES}. */
    public static HttpSettings defaults() {
        return new HttpSettings(ZoneId.of("Europe/Berlin"), DEFAULT_MAX_REQUEST_BYTES);
    }
}
