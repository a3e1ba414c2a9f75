// Plural forms of counted messages in both languages: the form Intl.PluralRules picks, every counted
// message with its `other` form, and no "(s)" makeshift left in any message file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pluralTemplate } from '../../main/resources/io/metering/adapters/web/portal/lib/plural.js';

const root = new URL('../../main/resources/io/metering/adapters/web/', import.meta.url);
const files = ['portal/messages/en.json', 'portal/messages/de.json', 'console/messages/en.json', 'console/messages/de.json'];
const load = (file) => JSON.parse(readFileSync(new URL(file, root), 'utf8'));

test('one and other forms are picked by the language\'s plural rules', () => {
  const messages = { 'found.one': '1 meter found', 'found.other': '{count} meters found' };
  assert.equal(pluralTemplate(messages, 'en', 'found', 1), '1 meter found');
  assert.equal(pluralTemplate(messages, 'en', 'found', 0), '{count} meters found');
  assert.equal(pluralTemplate(messages, 'de', 'found', 2), '{count} meters found');
  assert.equal(pluralTemplate({ 'x.other': 'many' }, 'en', 'x', 1), 'many', 'a language without a one form falls back to other');
});

test('every counted message has its other form in every file, and no message says (s) or /e', () => {
  for (const file of files) {
    const messages = load(file);
    for (const key of Object.keys(messages).filter((k) => k.endsWith('.one'))) {
      assert.ok(`${key.slice(0, -4)}.other` in messages, `${file}: ${key} without its other form`);
    }
    for (const [key, text] of Object.entries(messages)) {
      assert.doesNotMatch(text, /\(s\)|\(e\)|\(n\)|Zeitraum\/Zeiträume/, `${file}: ${key}`);
    }
  }
});

test('the portal and console messages the pages count with exist in both languages', () => {
  const en = { ...load('portal/messages/en.json'), ...load('console/messages/en.json') };
  const de = { ...load('portal/messages/de.json'), ...load('console/messages/de.json') };
  for (const key of ['readings.caption', 'consumption.noValue', 'console.search.found', 'console.changeset.intro', 'console.implausible.intro']) {
    for (const [lang, messages] of [['en', en], ['de', de]]) {
      assert.ok(`${key}.one` in messages && `${key}.other` in messages, `${lang}: ${key}`);
      assert.match(pluralTemplate(messages, lang, key, 1), /^1 /, `${lang}: ${key} for one`);
    }
  }
});
