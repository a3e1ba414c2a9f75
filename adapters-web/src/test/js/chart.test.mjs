// The consumption chart's value axis: bars from zero, negatives kept, ticks never read the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yRange, tickLabels, tickDecimals } from '../../main/resources/io/metering/adapters/web/portal/lib/chart.js';

test('consumption bars start at zero, however close the values lie', () => {
  const [lo, hi] = yRange(0.158, 0.158001);
  assert.equal(lo, 0);
  assert.ok(hi > 0.158001 && hi < 0.2, `${hi}`);
  assert.equal(yRange(45, 120)[0], 0);
});

test('a negative (decreasing) period stays visible below zero; no data gives a unit range', () => {
  const [lo, hi] = yRange(-2, 5);
  assert.ok(lo < -2 && hi > 5);
  assert.deepEqual(yRange(null, null), [0, 1.05]);
  assert.deepEqual(yRange(0, 0), [0, 1.05]);
});

test('tick labels carry the decimals their spacing needs, so no two are the same', () => {
  assert.equal(tickDecimals(0.05), 2);
  assert.equal(tickDecimals(0.0000002), 7);
  assert.equal(tickDecimals(0.25), 2);
  assert.equal(tickDecimals(20), 0);
  const close = [0.1579996, 0.1579998, 0.158, 0.1580002, 0.1580004, 0.1580006];
  assert.equal(new Set(tickLabels(close, 'en')).size, close.length);
  assert.deepEqual(tickLabels([0, 0.05, 0.1, 0.15], 'de'), ['0,00', '0,05', '0,10', '0,15']);
  assert.deepEqual(tickLabels([0, 5000, 10000], 'en'), ['0', '5,000', '10,000']);
});
