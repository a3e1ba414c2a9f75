// My meters' forecasts: recent readings only, none for a removed meter, shown to the readings' precision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forecastOf, upperEndShown, FORECAST_HORIZON_DAYS } from '../../main/resources/io/metering/adapters/web/portal/lib/forecast.js';

const now = new Date('2026-12-06T12:00:00Z');
const counter = (lastReading, last, forecast) => ({ last_reading: lastReading, current_consumption: last, forecast_reading_value: forecast });

test('a recent reading gives the forecast and the advance since, with the reading\'s decimals (at most 3)', () => {
  assert.deepEqual(forecastOf({ status: 'active' }, counter('2026-12-01T00:00:00.000Z', '23900.4', '23914.498451'), now),
    { stale: false, value: '23914.498451', since: '14.098451', digits: 1 });
  assert.equal(forecastOf({}, counter('2026-12-01T00:00:00.000Z', '1.23456', '2.5'), now).digits, 3);
  assert.equal(forecastOf({}, counter('2026-12-01T00:00:00.000Z', '500', '512.25'), now).digits, 0);
});

test('a last reading older than the horizon gives no forecast, only "no recent reading"', () => {
  const old = new Date(now.getTime() - (FORECAST_HORIZON_DAYS + 1) * 86_400_000).toISOString();
  assert.deepEqual(forecastOf({}, counter(old, '5055871.684856', '9517573.7'), now), { stale: true });
  assert.deepEqual(forecastOf({}, counter('2014-04-01T00:00:00.000Z', '1', '2'), now), { stale: true });
});

test('a removed meter, a counter without reading or without rate has no forecast', () => {
  assert.equal(forecastOf({ status: 'decommissioned' }, counter('2026-12-01T00:00:00.000Z', '1', '2'), now), null);
  // active by its status, but past its decommissioning instant: closed, so no forecast either
  assert.equal(forecastOf({ status: 'active', decommissioned_at: '2026-12-05' }, counter('2026-12-01T00:00:00.000Z', '1', '2'), now), null);
  assert.equal(forecastOf({}, counter(null, null, null), now), null);
  assert.equal(forecastOf({}, counter('2026-12-01T00:00:00.000Z', '1', undefined), now), null);
});

test('the allowed range\'s upper end is shown up to the horizon past the last reading, and before it', () => {
  const last = { last_reading: '2026-09-01T00:00:00.000Z' };
  const day = 86_400_000;
  const after = (days) => new Date(new Date(last.last_reading).getTime() + days * day).toISOString();
  assert.equal(upperEndShown(last, after(FORECAST_HORIZON_DAYS)), true);
  assert.equal(upperEndShown(last, after(FORECAST_HORIZON_DAYS + 1)), false);
  assert.equal(upperEndShown({ last_reading: '2014-04-01T00:00:00.000Z' }, now.toISOString()), false);
  assert.equal(upperEndShown(last, '2026-08-01T00:00:00.000Z'), true, 'a later reading bounds a past instant');
  assert.equal(upperEndShown({}, now.toISOString()), true, 'no reading: the API gives no upper end anyway');
});
