/**
 * The forecast of a register at a date (docs/domain.md#forecast) as a pure function of the series'
 * history: extrapolated from the recent consumption rate after the latest reading, interpolated
 * between the readings within the recorded history. Callers supply the history; nothing here reads
 * a clock or a store.
 */
package io.metering.domain.forecast;
