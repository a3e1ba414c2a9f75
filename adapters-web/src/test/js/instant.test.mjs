// A reading's instant: the current one when the offered date and time are kept, so a slip and its
// correction sent within the same minute never share an instant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readingInstant, localDate, localTime } from '../../main/resources/io/metering/adapters/web/portal/lib/instant.js';

test('date and time left as offered give the current instant, to the millisecond', () => {
  const opened = new Date(2026, 11, 6, 20, 1, 5, 120);
  const offered = { date: localDate(opened), time: localTime(opened) };
  const slip = new Date(2026, 11, 6, 20, 1, 20, 345);
  const correction = new Date(2026, 11, 6, 20, 1, 41, 7);
  const first = readingInstant(offered.date, offered.time, offered, slip);
  const second = readingInstant(offered.date, offered.time, offered, correction);
  assert.equal(first, slip.toISOString());
  assert.equal(second, correction.toISOString());
  assert.notEqual(first, second);
});

test('a date or time the customer changed is taken as typed, to the minute', () => {
  const offered = { date: '2026-12-06', time: '20:01' };
  assert.equal(readingInstant('2026-12-05', '20:01', offered, new Date()), new Date(2026, 11, 5, 20, 1).toISOString());
  assert.equal(readingInstant('2026-12-06', '07:30', offered, new Date()), new Date(2026, 11, 6, 7, 30).toISOString());
  assert.equal(readingInstant('', '07:30', offered, new Date()), null);
});
