// Which counters take a reading's own direction: a counter that declares none, unless its meter only consumes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eitherDirection } from '../../main/resources/io/metering/adapters/web/portal/lib/direction.js';

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
