// Which counters take a reading's own direction: a counter that declares none, unless its meter only consumes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directionShown, eitherDirection, relativeOf } from '../../main/resources/io/metering/adapters/web/portal/lib/direction.js';

test('a power counter that declares no direction takes either, with or without an OBIS code', () => {
  assert.equal(eitherDirection({ _id: 'c' }, 'power'), true);
  assert.equal(eitherDirection({ _id: 'c', obis_number: '1-0:1.8.0' }, 'power'), true);
  assert.equal(eitherDirection({ _id: 'c' }, undefined), true, 'a meter of unknown sector may feed in');
});

test('a declared direction, a meter that only consumes, or no counter at all take none', () => {
  assert.equal(eitherDirection({ _id: 'c', direction: 'feed-in' }, 'power'), false);
  for (const sector of ['water', 'gas', 'district_heating', 'waste_water']) {
    assert.equal(eitherDirection({ _id: 'c' }, sector), false, sector);
  }
  assert.equal(eitherDirection(undefined, 'power'), false);
});

test('a list shows directions on a counter that may hold both, or where its readings are of both', () => {
  const out = { direction: 'feed-out' };
  const into = { direction: 'feed-in' };
  assert.equal(directionShown({ _id: 'c' }, 'power', [out]), true);
  assert.equal(directionShown({ _id: 'c' }, 'gas', [out, out]), false);
  assert.equal(directionShown({ _id: 'c' }, 'gas', [out, into]), true);
  assert.equal(directionShown({ _id: 'c', direction: 'feed-out' }, 'power', []), false);
});

test('a reading\'s relative value is its own series\' at its instant, whatever the order of the answer', () => {
  const at = '2026-12-01T08:00:00.000Z';
  const since = relativeOf([{ direction: 'feed-in', timestamp: at, value: '2.25' }, { direction: 'feed-out', timestamp: at, value: '10.25' }]);
  assert.equal(since({ direction: 'feed-out', timestamp: at }), '10.25');
  assert.equal(since({ direction: 'feed-in', timestamp: at }), '2.25');
  assert.equal(since({ direction: 'feed-in', timestamp: '2026-12-02T08:00:00.000Z' }), undefined);
});
