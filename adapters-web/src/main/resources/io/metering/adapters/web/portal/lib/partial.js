// A year the counter's readings only partly cover (docs/portal.md "Partial years"). The API gives a
// period whose start or end lies outside the readings no value (null, never 0), so the Years view
// asks again for the part of that year that the readings do cover, from the first reading in it or
// up to the last, and labels the bar as a partial year.

/**
 * The covered part of a period without value: {from, to} as ISO instants to ask the consumption
 * endpoint for (from the first reading in it when its start has no value, to the last when its end
 * has none), or null when the period has a value or fewer than two readings fall in it.
 */
export function partialSpan(period, readingTimes) {
  if (period.consumption !== null && period.consumption !== undefined) return null;
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  const inside = readingTimes.filter((t) => t >= start && t <= end);
  if (inside.length < 2) return null;
  const from = period.start_value === null || period.start_value === undefined ? inside[0] : start;
  const to = period.end_value === null || period.end_value === undefined ? inside[inside.length - 1] : end;
  return from < to ? { from: new Date(from).toISOString(), to: new Date(to).toISOString(), cutStart: from !== start, cutEnd: to !== end } : null;
}
