// The period of the last reading, which has no consumption until a later reading exists (portal/lib/awaiting.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awaitingLaterReading } from '../../main/resources/io/metering/adapters/web/portal/lib/awaiting.js';

const at = (iso) => Date.parse(iso);
// a day of December 2026 (UTC, for brevity; the page's periods are the browser's calendar days)
const day = (date, consumption) => {
  const start = at(`2026-12-${date}T00:00:00Z`);
  return { start: new Date(start).toISOString(), end: new Date(start + 86_400_000).toISOString(), consumption };
};
const readings = [at('2026-12-05T07:00:00Z'), at('2026-12-06T07:10:00Z'), at('2026-12-07T06:45:00Z'), at('2026-12-07T18:30:00Z')];

test('the day of the last reading, without value, awaits a later reading: its last reading named', () => {
  assert.equal(awaitingLaterReading(day('07', null), readings), at('2026-12-07T18:30:00Z'));
});

test('a day with a value, a later day without a reading, and a day a reading follows are not awaiting', () => {
  assert.equal(awaitingLaterReading(day('06', '4.2'), readings), null);
  assert.equal(awaitingLaterReading(day('08', null), readings), null);
  // without value for another cause (here a day before the first reading): a later reading exists
  assert.equal(awaitingLaterReading(day('05', null), readings), null);
});

test('no readings: nothing awaits', () => {
  assert.equal(awaitingLaterReading(day('07', null), []), null);
});
