// JSON with exact numbers: answers keep each number's source text, requests carry the typed decimal
// as a number literal digit for digit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, parseKeepingNumbers, stringify, DecimalLiteral } from '../../main/resources/io/metering/adapters/web/portal/lib/json.js';

const ANSWER = '{"data":[{"value":594169.50,"big":12345678901234567890.123456789,"n":-2,"e":1E3,"s":"1.10 \\"q\\" 7","ok":true,"no":null}]}';

for (const [name, read] of [['parse', parse], ['the fallback', parseKeepingNumbers]]) {
  test(`${name} keeps each number's source text`, () => {
    const [r] = read(ANSWER).data;
    assert.equal(r.value, '594169.50');
    assert.equal(r.big, '12345678901234567890.123456789');
    assert.equal(r.n, '-2');
    assert.equal(r.e, '1E3');
    assert.equal(r.s, '1.10 "q" 7');
    assert.equal(r.ok, true);
    assert.equal(r.no, null);
  });
}

test('a decimal is written as its number literal', () => {
  const body = stringify({ readings: [{ counter_id: 'c-1', value: new DecimalLiteral('12345.6'), note: undefined, tags: ['a'] }] });
  assert.equal(body, '{"readings":[{"counter_id":"c-1","value":12345.6,"tags":["a"]}]}');
  assert.equal(stringify({ v: new DecimalLiteral('98765432109876543210.000000001') }), '{"v":98765432109876543210.000000001}');
});

test('only plain decimals become literals', () => {
  assert.throws(() => new DecimalLiteral('1e3'));
  assert.throws(() => new DecimalLiteral('12,5'));
  assert.throws(() => new DecimalLiteral('1} ,"x":{'));
});
