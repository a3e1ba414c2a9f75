// The Years view starts at the first year holding a reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromFirstReading } from '../../main/resources/io/metering/adapters/web/portal/lib/first-year.js';

const year = (y) => ({ start: `${y - 1}-12-31T23:00:00.000Z`, end: `${y}-12-31T23:00:00.000Z`, consumption: null });
const decade = [2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014].map(year);

test('the years before the first reading are left out; the year holding it is the first row', () => {
  const kept = fromFirstReading(decade, [Date.parse('2012-04-01T07:00:00Z'), Date.parse('2014-04-01T06:59:00Z')]);
  assert.deepEqual(kept, decade.slice(7)); // 2012, 2013, 2014

});

test('a first reading at the very start of a year keeps that year, not the one before', () => {
  const kept = fromFirstReading(decade, [Date.parse('2009-12-31T23:00:00.000Z')]); // 2010-01-01 00:00 in Berlin
  assert.equal(kept[0], decade[5]);
});

test('without readings, or with readings before the window, every year stays', () => {
  assert.equal(fromFirstReading(decade, []), decade);
  assert.equal(fromFirstReading(decade, [Date.parse('2001-01-01T00:00:00Z')]).length, 10);
});
