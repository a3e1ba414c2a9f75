// A refusal's message names values and instants as the service writes them ("value 5 is less than the
// previous reading 1001 at 2026-12-01T08:00:00Z"). Staff read values in the page's notation and times in
// the page's time zone everywhere else on the console: the message shows them the same way. Only what
// is recognised without doubt changes: a reading value or an instant; a reason code, an identifier, an
// OBIS code, a year or a count stays as it is.
import { format } from '../../portal/lib/decimal.js';

// an ISO instant with offset (Instant.toString or JavaScript's toISOString), or a date alone
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})/;
const DATE = /\d{4}-\d{2}-\d{2}(?![\dT])/;
// a reading value: a number right after the word the service writes before one ("value 5", "the previous
// reading 1001", "capacity 100000", "(value 7)"). Any other number (a year, a count, an id such as meter 2026)
// stays as written: "2,026" would misquote it. Not part of an id ("E0001", a UUID), an OBIS code ("1-0:1.8.1"),
// a batch index ("readings[0]") or a version ("1.2.0"); a full stop after it ends the sentence
const NUMBER = /(?<=\b(?:value|reading|capacity) )-?\d+(?:\.\d+)?(?![\w:\-[\]/]|\.\d)/;
const TOKENS = new RegExp(`(?<![\\w-])(${INSTANT.source})|(?<![\\w-])(${DATE.source})|(${NUMBER.source})`, 'g');

/** An instant to the minute, as the console's tables show it; to the second where it has seconds. */
function instantShown(iso, lang) {
  const at = new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(at.getTime())) return iso;
  const seconds = at.getUTCSeconds() !== 0 || at.getUTCMilliseconds() !== 0;
  // as lib/i18n.js formatDateTime: the page's language, the browser's time zone
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(at);
}

/**
 * The message with each instant in the page's time zone and language (to the minute, or the second
 * where it has seconds), each date alone in the page's language, and each reading value (a number after
 * "value", "reading" or "capacity") in the page's notation with every digit it has (an exact decimal
 * string, never a float); all else, a year or an id among it, as it is.
 */
export function readable(message, lang) {
  return String(message ?? '').replace(TOKENS, (token, instant, date, number) => {
    if (instant) return instantShown(instant, lang);
    if (date) return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(`${date}T12:00:00`));
    return format(number, lang);
  });
}

/**
 * The service's message as a refusal quotes it: on an English page as readable() shows it; on a page in
 * another language verbatim, values and instants as the service wrote them, since the message is an
 * English sentence and German notation inside it misreads ("value 19.400" reads as 19.4 in English).
 */
export function quoted(message, lang) {
  return String(lang).startsWith('en') ? readable(message, lang) : String(message ?? '');
}
