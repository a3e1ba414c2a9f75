// The Years view spans ten calendar years; a series that starts within them leaves the years before
// its first reading without a single value. Those rows say nothing (docs/portal.md "My consumption"),
// so the view starts at the first year that holds a reading.

/**
 * The periods from the first one that holds a reading (its start at or before a reading time, its end
 * after it) on; all of them when no reading time is known. `readingTimes` are epoch milliseconds, sorted.
 */
export function fromFirstReading(periods, readingTimes) {
  if (!readingTimes.length) return periods;
  const first = readingTimes[0];
  const from = periods.findIndex((p) => Date.parse(p.end) > first);
  return from < 0 ? periods : periods.slice(from);
}
