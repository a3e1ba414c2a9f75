package io.metering.adapters.http.reading;

import java.util.List;

/**
 * Body of createMeterReadings: up to 100 readings, written all or nothing.
 *
 * @param readings the readings
 */
record CreateMeterReadingsRequest(List<MeterReadingRequest> readings) {}
