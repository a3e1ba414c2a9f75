// A refusal's numbers and instants as the console shows them elsewhere (console/views/readable.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoted, readable } from '../../main/resources/io/metering/adapters/web/console/views/readable.js';

// the browser's time zone in the page; here a fixed one, so 08:00 UTC in December is 09:00
process.env.TZ = 'Europe/Berlin';

test('values in the page notation with every digit, the instant in the time zone and language', () => {
  assert.equal(readable('value 5 is less than the previous reading 1250.3 at 2026-12-01T08:00:00Z', 'en'),
    'value 5 is less than the previous reading 1,250.3 at Dec 1, 2026, 9:00 AM');
  assert.equal(readable('value 5 is less than the previous reading 1250.3 at 2026-12-01T08:00:00Z', 'de'),
    'value 5 is less than the previous reading 1.250,3 at 01.12.2026, 09:00');
});

test('a value longer than a double holds keeps every digit', () => {
  assert.equal(readable('value 12345678901234567.123456789 is greater than the subsequent reading 0.000001', 'en'),
    'value 12,345,678,901,234,567.123456789 is greater than the subsequent reading 0.000001');
});

test('an instant with seconds or milliseconds shows its seconds; a date alone its day', () => {
  assert.equal(readable('at 2026-12-01T08:00:30.000Z', 'en'), 'at Dec 1, 2026, 9:00:30 AM');
  assert.equal(readable('at 2026-12-01T08:00:00.000Z', 'en'), 'at Dec 1, 2026, 9:00 AM');
  assert.equal(readable('before 1990-01-01 or the installation', 'de'), 'before 01.01.1990 or the installation');
});

test('identifiers, OBIS codes, a batch index, a version and the reason code stay as they are', () => {
  const kept = 'counter 1-0:1.8.1 of meter E0000000000000011 (53904de5-4994-3c4d-819a-b247400ba535), readings[3], API 1.2.0, less_than_previous';
  assert.equal(readable(kept, 'en'), kept);
});

test('a full stop after a value ends the sentence; a negative value keeps its sign', () => {
  assert.equal(readable('value -1500.5 is below the previous reading 1500.', 'en'), 'value -1,500.5 is below the previous reading 1,500.');
});

test('a year, a count or an id in the message is no reading value and stays as written', () => {
  assert.equal(readable('no contract period of meter 2026 covers the year 2026; 150 readings sent, at most 100', 'en'),
    'no contract period of meter 2026 covers the year 2026; 150 readings sent, at most 100');
  assert.equal(readable('value 12000 does not fit a register of capacity 10000 in 2026', 'de'),
    'value 12.000 does not fit a register of capacity 10.000 in 2026');
  assert.equal(readable('removing the reading at 2026-12-01T08:00:00Z would leave the reading at 2026-12-02T08:00:00Z (value 1001) less '
    + 'than the previous reading 1500 at 2026-11-30T08:00:00Z', 'en'), 'removing the reading at Dec 1, 2026, 9:00 AM would leave the reading '
    + 'at Dec 2, 2026, 9:00 AM (value 1,001) less than the previous reading 1,500 at Nov 30, 2026, 9:00 AM');
});

test('an empty or missing message stays empty', () => {
  assert.equal(readable(undefined, 'en'), '');
  assert.equal(readable('', 'de'), '');
});

test('a German page quotes the English message with its values and instants as the service wrote them', () => {
  const message = 'value 19.400 is greater than the subsequent reading 19.350 at 2026-12-01T08:00:00Z';
  assert.equal(quoted(message, 'de'), message);
  assert.equal(quoted(message, 'en'), 'value 19.4 is greater than the subsequent reading 19.35 at Dec 1, 2026, 9:00 AM');
});
