// Plural forms of messages: a counted message has one key per CLDR plural category of the language
// ("key.one", "key.other"; Intl.PluralRules picks), so no page says "1 meters" or "period(s)".

/** The message template for `count` of `key`: its plural category's form, else the `other` form. */
export function pluralTemplate(messages, lang, key, count) {
  const form = new Intl.PluralRules(lang).select(Number(count));
  return messages[`${key}.${form}`] ?? messages[`${key}.other`] ?? key;
}
