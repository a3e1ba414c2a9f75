// A meter's title beside its number: shown only where it says more than the number (docs/portal.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meterTitle } from '../../main/resources/io/metering/adapters/web/portal/lib/labels.js';

test('a title other than the number is the meter\'s name', () => {
  assert.equal(meterTitle({ _title: 'Kitchen water meter', meter_number: 'W-17' }), 'Kitchen water meter');
  assert.equal(meterTitle({ _title: '  Garage  ', meter_number: 'W-17' }), 'Garage');
});

test('a title that is the meter number again, or none, names nothing beside the number', () => {
  assert.equal(meterTitle({ _title: 'E0000000000000011', meter_number: 'E0000000000000011' }), null);
  assert.equal(meterTitle({ _title: ' E0000000000000011 ', meter_number: 'E0000000000000011' }), null);
  assert.equal(meterTitle({ meter_number: 'E0000000000000011' }), null);
  assert.equal(meterTitle({ _title: '', meter_number: 'E0000000000000011' }), null);
  assert.equal(meterTitle({ _title: 'Meter 1' }), 'Meter 1');
  assert.equal(meterTitle(undefined), null);
});
