// The portal's decimal handling: what a person types is read exactly, arithmetic never goes through
// binary floating point, and numbers are shown with every digit in the locale's notation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInput, add, subtract, compare, format, normalize, isDecimal } from '../../main/resources/io/metering/adapters/web/portal/lib/decimal.js';

test('a decimal comma typed in German is read exactly', () => {
  assert.equal(parseInput('12345,6', 'de'), '12345.6');
  assert.equal(parseInput('12.345,6', 'de'), '12345.6');
  assert.equal(parseInput(' 12 345,60 ', 'de'), '12345.6');
  assert.equal(parseInput('0,000001', 'de'), '0.000001');
  assert.equal(parseInput('98765432109876543210,123456789', 'de'), '98765432109876543210.123456789');
});

test('German grouping without a comma is a whole number, a lone point with other than three digits a decimal point', () => {
  assert.equal(parseInput('12.345', 'de'), '12345');
  assert.equal(parseInput('1.234.567', 'de'), '1234567');
  assert.equal(parseInput('12345.6', 'de'), '12345.6');
});

test('English reads a decimal point and regular grouping', () => {
  assert.equal(parseInput('12345.6', 'en'), '12345.6');
  assert.equal(parseInput('12,345.6', 'en'), '12345.6');
  assert.equal(parseInput('1,234', 'en'), '1234');
  assert.equal(parseInput('12345,6', 'en'), '12345.6');
});

test('what is no non-negative number is refused', () => {
  for (const bad of ['', ' ', 'abc', '-1', '1e3', '1,2,3', '12,34,5', '1.2.3,4', ',', '12.34.5', '1,2.3', '0x10', '١٢']) {
    assert.equal(parseInput(bad, 'de'), null, `de: ${bad}`);
  }
  assert.equal(parseInput('1.2,3', 'en'), null);
});

test('arithmetic is exact', () => {
  assert.equal(subtract('1250.3', '1250.2'), '0.1');
  assert.equal(add('0.1', '0.2'), '0.3');
  assert.equal(subtract('594200.25', '594169.5'), '30.75');
  assert.equal(subtract('5', '594169.5'), '-594164.5');
  assert.equal(add('99999999999999999999.999999', '0.000001'), '100000000000000000000');
  assert.equal(compare('10', '9.999999'), 1);
  assert.equal(compare('1.50', '1.5'), 0);
  assert.equal(compare('-0.1', '0'), -1);
});

test('normal form and plain decimals', () => {
  assert.equal(normalize('007.500'), '7.5');
  assert.equal(normalize('-0.0'), '0');
  assert.ok(isDecimal('594169.5'));
  assert.ok(!isDecimal('5.94e5'));
  assert.ok(!isDecimal(594169.5));
});

test('formatting keeps every digit in the locale notation', () => {
  assert.equal(format('12345.6', 'de'), '12.345,6');
  assert.equal(format('12345.6', 'en'), '12,345.6');
  assert.equal(format('1086031.863123456789', 'en'), '1,086,031.863123456789');
  assert.equal(format('24359.5', 'en'), '24,359.5');
  assert.equal(format('not a number', 'en'), '');
});
