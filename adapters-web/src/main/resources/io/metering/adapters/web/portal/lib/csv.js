// CSV (RFC 4180) built in the page from the API's JSON answers, values as exact decimal strings.
import { relativeOf } from './direction.js';

function cell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The header and one line per reading, as the table shows them: consumption is the relative value of
 * the same reading, found by direction and instant (a two-way register has a reading of each
 * direction at one instant), and empty for an implausible reading, which is not counted; a reading
 * without a status is `valid`.
 */
export function readingsCsv(cumulative, relative, unit) {
  const lines = [['timestamp', 'value', 'consumption', 'unit', 'direction', 'source', 'status', 'reason']];
  const since = relativeOf(relative);
  cumulative.forEach((r) => {
    const consumption = r.status === 'implausible' ? '' : since(r);
    lines.push([r.timestamp, r.value, consumption, r.unit ?? unit ?? '', r.direction, r.source, r.status || 'valid', r.reason ?? '']);
  });
  return `${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}

const safe = (text) => String(text).trim().replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '');

/** The download's name: the meter number and the counter's OBIS code (else their ids), so two meters' files differ. */
export function csvFileName(meter, counter) {
  const parts = [meter?.meter_number || meter?._id, counter.obis_number || counter._id].filter(Boolean).map(safe).filter(Boolean);
  return `readings-${parts.join('-')}.csv`;
}
