// What the console's "Correct" sends: the reading's reason code kept, the explanation in its remark (docs/console.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctionOf, remarkAfter } from '../../main/resources/io/metering/adapters/web/console/views/correction.js';

const reading = { timestamp: '2026-12-01T08:00:00.000Z', value: '5', direction: 'feed-out', source: 'ERP' };

test('a segment start keeps its reason code; the explanation becomes the remark', () => {
  assert.deepEqual(correctionOf({ ...reading, reason: 'meter_change' }, '6', 'photo shows 6'),
    { value: '6', direction: 'feed-out', source: 'ERP', reason: 'meter_change', remark: 'photo shows 6' });
});

test('a reading without a reason is sent without one, so it keeps none', () => {
  const body = correctionOf(reading, '6', 'photo shows 6');
  assert.equal('reason' in body, false);
  assert.equal(body.remark, 'photo shows 6');
  assert.equal('reason' in correctionOf({ ...reading, reason: '' }, '6', 'x'), false);
});

test('a stored remark stays, the explanation on a line after it', () => {
  assert.equal(correctionOf({ ...reading, remark: 'installer swapped the device' }, '6', ' photo shows 6 ').remark,
    'installer swapped the device\nphoto shows 6');
  assert.equal(remarkAfter('first\nsecond', 'third'), 'first\nsecond\nthird');
});

test('an empty explanation leaves the remark as stored: it is not sent', () => {
  assert.equal(remarkAfter('kept', '  '), undefined);
  assert.equal(remarkAfter(undefined, ''), undefined);
  assert.equal('remark' in correctionOf({ ...reading, remark: 'kept' }, '6', ''), false);
});
