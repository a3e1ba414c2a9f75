// Partial years: the part of a year the readings cover, asked for when the whole year has no value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partialSpan } from '../../main/resources/io/metering/adapters/web/portal/lib/partial.js';

const year = { start: '2022-12-31T23:00:00.000Z', end: '2023-12-31T23:00:00.000Z' };
const at = (iso) => Date.parse(iso);

test('a first year whose start lies before the first reading is asked from that reading to the year\'s end', () => {
  const times = [at('2023-07-01T00:00:00Z'), at('2023-07-02T00:00:00Z'), at('2024-01-01T00:00:00Z')];
  assert.deepEqual(partialSpan({ ...year, consumption: null, start_value: null, end_value: '120' }, times),
    { from: '2023-07-01T00:00:00.000Z', to: '2023-12-31T23:00:00.000Z', cutStart: true, cutEnd: false });
});

test('a last year whose end lies after the last reading is asked up to that reading', () => {
  const times = [at('2022-12-30T00:00:00Z'), at('2023-01-05T00:00:00Z'), at('2023-03-01T00:00:00Z')];
  assert.deepEqual(partialSpan({ ...year, consumption: null, start_value: '5', end_value: null }, times),
    { from: '2022-12-31T23:00:00.000Z', to: '2023-03-01T00:00:00.000Z', cutStart: false, cutEnd: true });
});

test('a year with a value, or with fewer than two readings in it, is left alone', () => {
  assert.equal(partialSpan({ ...year, consumption: '7', start_value: '1', end_value: '8' }, []), null);
  assert.equal(partialSpan({ ...year, consumption: null, start_value: null, end_value: null }, [at('2023-05-01T00:00:00Z')]), null);
});
