// The consumption chart's windows: calendar weeks (Monday to Sunday), months and years, and the
// window compared with each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowOf, step, comparisonAnchor, VIEWS } from '../../main/resources/io/metering/adapters/web/portal/views/period.js';

test('windows', () => {
  assert.deepEqual(windowOf('week', '2013-02-14'), { start: '2013-02-11', end: '2013-02-17' });
  assert.deepEqual(windowOf('week', '2013-02-17'), { start: '2013-02-11', end: '2013-02-17' });
  assert.deepEqual(windowOf('month', '2012-02-10'), { start: '2012-02-01', end: '2012-02-29' });
  assert.deepEqual(windowOf('year', '2013-07-04'), { start: '2013-01-01', end: '2013-12-31' });
  assert.deepEqual(windowOf('years', '2013-07-04'), { start: '2004-01-01', end: '2013-12-31' });
});

test('stepping back and forth', () => {
  assert.equal(step('week', '2013-01-03', -1), '2012-12-27');
  assert.equal(step('month', '2013-03-31', -1), '2013-02-28');
  assert.equal(step('month', '2013-12-15', 1), '2014-01-15');
  assert.equal(step('year', '2012-02-29', 1), '2013-02-28');
  assert.equal(step('years', '2013-05-01', -1), '2003-05-01');
});

test('the comparison is last week, or the same month or year a year before', () => {
  assert.equal(comparisonAnchor('week', '2013-02-14'), '2013-02-07');
  assert.equal(comparisonAnchor('month', '2013-02-01'), '2012-02-01');
  assert.equal(comparisonAnchor('year', '2013-02-01'), '2012-02-01');
  assert.equal(comparisonAnchor('years', '2013-02-01'), null);
  assert.deepEqual(Object.fromEntries(Object.entries(VIEWS).map(([k, v]) => [k, v.interval])),
    { week: 'day', month: 'day', year: 'month', years: 'year' });
});
