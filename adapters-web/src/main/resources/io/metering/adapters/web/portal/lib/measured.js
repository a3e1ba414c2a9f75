// When a consumption bar counts as measured (docs/portal.md "Measured or estimated"). The API marks
// every boundary that no reading falls on exactly as interpolated, so daily readings at 00:00 UTC
// (the convention for a date alone) never meet a Berlin midnight and every bar would be "estimated".
// A boundary counts as measured when readings lie close around it: the two plausible readings on
// either side are at most a day apart (25 h, for the day daylight saving time ends) and no farther
// apart than the period is long (plus an hour, for the 23 h day it starts).

const HOUR = 3_600_000;
const DAY_LIMIT = 25 * HOUR;

/** The index of the first time in the sorted list that is greater than t. */
function after(times, t) {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function close(times, boundary, limit) {
  const i = after(times, boundary);
  return i > 0 && i < times.length && times[i] - times[i - 1] <= limit;
}

/**
 * Whether the period's value is an estimate: it has a value, and a boundary the API interpolated has
 * no plausible readings close around it. `readingTimes` are the plausible readings' instants in
 * milliseconds, ascending, covering at least a day beyond the periods on both sides.
 */
export function isEstimated(period, readingTimes) {
  if (period.consumption === null || period.consumption === undefined) return false;
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  const limit = Math.min(DAY_LIMIT, end - start + HOUR);
  return (period.start_interpolated && !close(readingTimes, start, limit))
    || (period.end_interpolated && !close(readingTimes, end, limit));
}
