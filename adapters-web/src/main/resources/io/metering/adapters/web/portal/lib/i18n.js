// One message file per language (messages/en.json, messages/de.json); the language comes from the
// browser unless the customer chose one, and numbers and dates follow it through Intl.

import { pluralTemplate } from './plural.js';

export const LANGUAGES = ['en', 'de'];
const CHOICE = 'metering.portal.language';
let language = 'en';
let messages = {};
let sources = ['messages/'];

/** Where message files come from, later ones overriding earlier ones (the console adds its own to the portal's). */
export function useMessageSources(directories) {
  sources = [...directories];
}

/** The language to start with: the customer's earlier choice, else the browser's first supported one. */
export function preferredLanguage() {
  const chosen = localStorage.getItem(CHOICE);
  if (LANGUAGES.includes(chosen)) return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/** Loads a language's messages and makes it current; remembered when the customer chose it. */
export async function useLanguage(lang, { remember = false } = {}) {
  const files = await Promise.all(sources.map(async (dir) => (await fetch(`${dir}${lang}.json`)).json()));
  messages = Object.assign({}, ...files);
  language = lang;
  document.documentElement.lang = lang;
  if (remember) localStorage.setItem(CHOICE, lang);
}

export function currentLanguage() {
  return language;
}

/** A message with {name} placeholders filled in; the key itself when the file lacks it. */
export function t(key, values = {}) {
  return fill(messages[key] ?? key, values);
}

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

/**
 * A counted message: the plural form of `key` for `count` (lib/plural.js), with {count} filled in
 * by `shown` (e.g. the number formatted for the language) and the other placeholders from `values`.
 */
export function tn(key, count, values = {}, shown = String(count)) {
  return fill(pluralTemplate(messages, language, key, count), { ...values, count: shown });
}

/** Date and time in the current language, in the browser's time zone. */
export function formatDateTime(iso, options = { dateStyle: 'medium', timeStyle: 'short' }) {
  return new Intl.DateTimeFormat(language, options).format(new Date(iso));
}

export function formatDate(iso, options = { dateStyle: 'medium' }) {
  return new Intl.DateTimeFormat(language, options).format(new Date(iso));
}
