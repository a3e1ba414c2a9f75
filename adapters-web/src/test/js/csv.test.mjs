// The readings CSV is built from the JSON answers, values as their exact text, RFC 4180 quoting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvFileName, readingsCsv } from '../../main/resources/io/metering/adapters/web/portal/lib/csv.js';

test('one line per reading with the consumption since the previous one, none for an implausible reading, as the table shows', () => {
  const cumulative = [
    { timestamp: '2023-12-26T00:00:00.000Z', value: '11426.2', direction: 'feed-out', source: 'ERP', reason: 'regular' },
    { timestamp: '2023-12-27T00:00:00.000Z', value: '11430.60', direction: 'feed-out', source: 'ECP', status: 'implausible', reason: 'x, "y"' },
  ];
  const relative = [
    { timestamp: '2023-12-26T00:00:00.000Z', value: '0', direction: 'feed-out' },
    { timestamp: '2023-12-27T00:00:00.000Z', value: '4.40', direction: 'feed-out' },
  ];
  assert.equal(readingsCsv(cumulative, relative, 'm3'),
    'timestamp,value,consumption,unit,direction,source,status,reason\r\n'
    + '2023-12-26T00:00:00.000Z,11426.2,0,m3,feed-out,ERP,valid,regular\r\n'
    + '2023-12-27T00:00:00.000Z,11430.60,,m3,feed-out,ECP,implausible,"x, ""y"""\r\n');
});

test('the file name carries the meter number and the OBIS code, so two gas meters download apart', () => {
  const obis = { obis_number: '7-0:3.0.0', _id: 'c1' };
  assert.equal(csvFileName({ meter_number: '1ESY1161229886', _id: 'm1' }, obis), 'readings-1ESY1161229886-7-0_3.0.0.csv');
  assert.notEqual(csvFileName({ meter_number: 'G-4711' }, obis), csvFileName({ meter_number: 'G 4712' }, obis));
  assert.equal(csvFileName({ _id: 'm/1' }, { _id: 'c 2' }), 'readings-m_1-c_2.csv');
});

test('on a two-way register each line takes the consumption of its own direction, whatever the order of the relative answer', () => {
  const at = '2024-03-01T00:00:00.000Z';
  const cumulative = [
    { timestamp: at, value: '20.25', direction: 'feed-in', source: 'ERP' },
    { timestamp: at, value: '100.5', direction: 'feed-out', source: 'ERP' },
  ];
  const relative = [
    { timestamp: at, value: '9.375', direction: 'feed-out' },
    { timestamp: at, value: '2.25', direction: 'feed-in' },
  ];
  assert.equal(readingsCsv(cumulative, relative, 'kWh'),
    'timestamp,value,consumption,unit,direction,source,status,reason\r\n'
    + `${at},20.25,2.25,kWh,feed-in,ERP,valid,\r\n`
    + `${at},100.5,9.375,kWh,feed-out,ERP,valid,\r\n`);
});
