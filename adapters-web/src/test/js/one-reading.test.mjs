// A one-reading write's refusal without the batch index the service puts before it (console, docs/console.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutBatchIndex } from '../../main/resources/io/metering/adapters/web/console/views/one-reading.js';

test('the first item of a batch of one is not named', () => {
  assert.equal(withoutBatchIndex('readings[0]: value 5 is less than the previous reading 594169.5 at 2014-04-01T06:59:00Z'),
    'value 5 is less than the previous reading 594169.5 at 2014-04-01T06:59:00Z');
});

test('a field path after the index stays', () => {
  assert.equal(withoutBatchIndex('readings[0].value: must be a number'), 'value: must be a number');
});

test('another item, an index further in, or a message without one is kept as it is', () => {
  assert.equal(withoutBatchIndex('readings[3]: a reading exists'), 'readings[3]: a reading exists');
  assert.equal(withoutBatchIndex('readings[10]: x'), 'readings[10]: x');
  assert.equal(withoutBatchIndex('removing readings[0]: x'), 'removing readings[0]: x');
  assert.equal(withoutBatchIndex('no reading at 2024-01-01T00:00:00Z'), 'no reading at 2024-01-01T00:00:00Z');
  assert.equal(withoutBatchIndex(undefined), '');
});
