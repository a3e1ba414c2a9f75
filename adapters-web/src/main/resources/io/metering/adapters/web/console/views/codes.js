// Words for the API's enumeration codes on the console's pages (meter status and type, sector,
// a reading's direction, reading reason and source, reading echo, relation kinds, changeset authors): a label in the
// page's language, with the code as the element's title (tooltip) for staff who know the codes.
// A code the console has no word for (a free-text reason, a later release's value) shows as it is.
import { h } from '../../portal/lib/dom.js';
import { t } from '../../portal/lib/i18n.js';
import { directionLabel, sectorLabel } from '../../portal/lib/labels.js';
import { words } from './queue.js';

/** The label of `code` among the codes of `kind` (console.code.<kind>.<code>), else the code itself. */
export function codeLabel(kind, code) {
  if (code === undefined || code === null || code === '') return '';
  if (kind === 'sector') return sectorLabel(code);
  if (kind === 'direction') return directionLabel(code);
  const key = `console.code.${kind}.${code}`;
  const text = t(key);
  return text === key ? String(code) : text;
}

/**
 * The label of a code as a span titled with the code; `wordsOnly` keeps each word of the label
 * whole (as the queues' cells do), so "ERP-System" never splits at its hyphen.
 */
export function coded(kind, code, wordsOnly = false) {
  const label = codeLabel(kind, code);
  if (!label) return '';
  return h('span', { class: 'coded', title: String(code) }, wordsOnly ? words(label) : label);
}

/** Meter attributes whose values are codes, by the kind of their labels. */
export const METER_CODES = { status: 'meterStatus', meter_type: 'meterType', sector: 'sector', reading_echo: 'readingEcho' };
