// Words for the API's enumeration codes on the console's pages (meter status and type, sector,
// a reading's direction, reading reason and source, reading echo, relation kinds, changeset authors): a label in the
// page's language, with the code as the element's title (tooltip) for staff who know the codes.
// A code the console has no word for (a free-text reason, a later release's value) shows as it is.
import { h } from '../../portal/lib/dom.js';
import { t, formatDate } from '../../portal/lib/i18n.js';
import { closingOf, closingDateOptions } from '../../portal/lib/closing.js';
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
 * The label of a code as a span titled with the code, each word of the label kept whole wherever it
 * stands (console.css), so "ERP-System" or "feed-out" never splits at its hyphen, even in a narrow cell.
 * Nothing (null) where there is no code, so an empty cell stays empty and a phone's card can hide it.
 */
export function coded(kind, code) {
  const label = codeLabel(kind, code);
  if (!label) return null;
  return h('span', { class: 'coded', title: String(code) }, words(label));
}

/** The reason codes creating a reading accepts (ReadingReason.KNOWN, docs/domain.md "Reading"), the empty one aside. */
export const CREATE_REASONS = ['regular', 'irregular', 'last', 'first', 'meter_change', 'contract_change', 'meter_adjustment'];

/** A choice of a new reading's reason code, labelled in the page's language; the empty first choice means none. */
export function reasonSelect(id) {
  return h('select', { id, name: id },
    h('option', { value: '' }, t('console.reading.noReason')),
    CREATE_REASONS.map((code) => h('option', { value: code, title: code }, codeLabel('readingReason', code))));
}

/** Meter attributes whose values are codes, by the kind of their labels. */
export const METER_CODES = { status: 'meterStatus', meter_type: 'meterType', sector: 'sector', reading_echo: 'readingEcho' };

/**
 * A meter's status as the service judges it, a span titled with the status code: past its decommissioned_at an `active` meter
 * is closed ("decommissioned on <date>", docs/domain.md "Decommissioned meters"); one whose instant lies ahead "in operation,
 * closes on <date>"; else the status's label.
 */
export function meterStatus(meter, now = new Date()) {
  const closing = closingOf(meter, now);
  if (!closing.at) return closing.closed ? coded('meterStatus', 'decommissioned') : coded('meterStatus', meter.status);
  const date = formatDate(closing.at, closingDateOptions(closing.at));
  const label = t(closing.closed ? 'console.meter.closedOn' : 'console.meter.closesOn', { date });
  return h('span', { class: 'coded', title: String(meter.status ?? ''), 'data-closing': closing.closed ? 'closed' : 'planned' }, words(label));
}
