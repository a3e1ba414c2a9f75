package io.metering.bootstrap.importer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One hour of the AMPds2 water and gas counters.
 *
 * @param timestamp the instant (UTC)
 * @param waterLitres whole-house water register (WHW), litres
 * @param gasCubicDecimetres furnace gas register (FRG), dm3
 */
public record Ampds2Row(Instant timestamp, BigDecimal waterLitres, BigDecimal gasCubicDecimetres) {}
