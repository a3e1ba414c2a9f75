// A meter's closing: decommissioned, past its decommissioned_at whatever the status, or planned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closingOf, closingDateOptions } from '../../main/resources/io/metering/adapters/web/portal/lib/closing.js';

const now = new Date('2026-12-07T12:00:00Z');

test('an active meter past its decommissioning instant is closed since then', () => {
  assert.deepEqual(closingOf({ status: 'active', decommissioned_at: '2026-12-01T08:00:00Z' }, now),
    { closed: true, at: '2026-12-01T08:00:00Z' });
});

test('an instant still ahead is a planned closing, not yet closed', () => {
  assert.deepEqual(closingOf({ status: 'active', decommissioned_at: '2026-12-07T12:00:01Z' }, now),
    { closed: false, at: '2026-12-07T12:00:01Z' });
});

test('a date closes at the end of that business day in Berlin', () => {
  assert.equal(closingOf({ status: 'active', decommissioned_at: '2026-12-07' }, now).closed, false);
  assert.equal(closingOf({ status: 'active', decommissioned_at: '2026-12-06' }, now).closed, true);
  // 23:30 UTC on the 7th is already the 8th in Berlin: the 7th has ended
  assert.equal(closingOf({ status: 'active', decommissioned_at: '2026-12-07' }, new Date('2026-12-07T23:30:00Z')).closed, true);
});

test('a decommissioned meter is closed with or without its instant; an active one without is in service', () => {
  assert.deepEqual(closingOf({ status: 'decommissioned' }, now), { closed: true, at: null });
  assert.deepEqual(closingOf({ status: 'decommissioned', decommissioned_at: '2027-01-01' }, now), { closed: true, at: '2027-01-01' });
  assert.deepEqual(closingOf({ status: 'active' }, now), { closed: false, at: null });
  assert.deepEqual(closingOf({ status: 'active', decommissioned_at: 'soon' }, now), { closed: false, at: null });
});

test('a date alone is shown as that day wherever the browser is', () => {
  const shown = new Intl.DateTimeFormat('en', closingDateOptions('2026-12-01')).format(new Date('2026-12-01'));
  assert.equal(shown, 'Dec 1, 2026');
  assert.equal(closingDateOptions('2026-12-01T08:00:00Z').timeZone, undefined);
});
