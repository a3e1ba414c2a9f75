// Why the period of the last reading shows no consumption (docs/portal.md "Awaiting a later reading").
// The API gives a period a value only where both its boundaries have one, and a boundary after the
// counter's last plausible reading has none (docs/analytics.md "Boundary values"): a reading taken today
// leaves today without consumption until a reading at or after the day's end (the next one) exists.

/**
 * The instant (ms) of the last reading in a period without value that no reading follows after its
 * end, among the sorted plausible reading times seen around the window; else null (the period has a
 * value, holds no reading, or a later reading exists and something else leaves it without one).
 */
export function awaitingLaterReading(period, readingTimes) {
  if (period.consumption !== null && period.consumption !== undefined) return null;
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  if (readingTimes.some((t) => t >= end)) return null;
  const inside = readingTimes.filter((t) => t >= start && t < end);
  return inside.length ? inside[inside.length - 1] : null;
}
