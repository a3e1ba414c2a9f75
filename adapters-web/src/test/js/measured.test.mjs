// Measured or estimated: daily readings at 00:00 UTC make a Berlin day measured, a gap of days does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEstimated } from '../../main/resources/io/metering/adapters/web/portal/lib/measured.js';

const day = (d) => Date.parse(`2023-11-${String(d).padStart(2, '0')}T00:00:00Z`);
const berlinDay = (d) => ({
  start: new Date(day(d) - 3_600_000).toISOString(), end: new Date(day(d + 1) - 3_600_000).toISOString(),
  start_interpolated: true, end_interpolated: true, consumption: '2.25',
});

test('daily readings at 00:00 UTC around a Berlin day make it measured', () => {
  const daily = [1, 2, 3, 4].map(day);
  assert.equal(isEstimated(berlinDay(2), daily), false);
});

test('readings days apart around a boundary make the period estimated', () => {
  assert.equal(isEstimated(berlinDay(2), [day(1), day(4)]), true);
  // the start is close, the end is not
  assert.equal(isEstimated(berlinDay(2), [day(1), day(2), day(5)]), true);
  // a boundary outside the readings cannot be measured
  assert.equal(isEstimated(berlinDay(2), [day(2), day(3)]), true);
});

test('a boundary on a reading is measured; a period with no value carries no estimate', () => {
  assert.equal(isEstimated({ ...berlinDay(2), start_interpolated: false, end_interpolated: false }, []), false);
  assert.equal(isEstimated({ ...berlinDay(2), consumption: null }, []), false);
});

test('a month is measured only with readings at most a day apart around its boundaries', () => {
  const month = { start: '2023-10-31T23:00:00.000Z', end: '2023-11-30T23:00:00.000Z', start_interpolated: true, end_interpolated: true, consumption: '60' };
  assert.equal(isEstimated(month, [day(1) - 86_400_000, day(1), day(30), day(30) + 86_400_000]), false);
  assert.equal(isEstimated(month, [day(1) - 3 * 86_400_000, day(1), day(30), day(30) + 86_400_000]), true);
});
