/**
 * Plausibility of an appended reading (docs/domain.md#plausibility) as pure functions: the bound
 * ({@link io.metering.domain.plausibility.PlausibilityRule}: advance bound, slip bound, meter pace,
 * fresh-counter limit) and the policy a write judges with over a history its caller supplies
 * ({@link io.metering.domain.plausibility.HistoryPlausibility}). Another service can judge readings
 * with them without the application: hand them the series' recent plausible points and those of
 * the meter's other registers.
 */
package io.metering.domain.plausibility;
