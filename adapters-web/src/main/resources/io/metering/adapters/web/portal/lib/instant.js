// The instant a submitted reading is stored at. The form offers today's date and the current time to
// the minute; a customer who leaves them as offered read the meter just now, so the reading takes the
// actual current instant (seconds and milliseconds too). Otherwise two readings sent within a minute,
// a slip and its correction, would land on the same instant and the second would be refused as a
// duplicate, though a slip is stored as implausible so the genuine reading after it is never locked out.

const pad = (n) => String(n).padStart(2, '0');
/** A date input's value (YYYY-MM-DD) for the local day of d. */
export const localDate = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** A time input's value (HH:MM) for the local time of d. */
export const localTime = (d) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/**
 * The ISO instant for the date and time fields: the current instant `now` when both are still what
 * was offered, else the chosen local date and time; null when they are no valid date and time.
 */
export function readingInstant(date, time, offered, now = new Date()) {
  if (offered && date === offered.date && time === offered.time) return now.toISOString();
  const d = new Date(`${date}T${time}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
