// Implausible readings of the organization (listImplausibleReadings), newest first, each with its
// counter's recent history beside it: accept as valid or delete with a reason, several at once;
// keyboard: j / k next and previous, x select, a accept, d delete.
import { h, show } from '../../portal/lib/dom.js';
import { t, tn, currentLanguage, formatDateTime } from '../../portal/lib/i18n.js';
import { format, isDecimal } from '../../portal/lib/decimal.js';
import { DecimalLiteral } from '../../portal/lib/json.js';
import { counterLabel, statusLabel } from '../../portal/lib/labels.js';
import { counterCell as counterColumn, withDirection } from './counter-summary.js';
import { admin, countersById, metersById, queueCount } from '../admin-api.js';
import { emptyQueue, enableWithSelection, runAll, selectBox, walkable, words } from './queue.js';
import { refreshCounts } from './changesets.js';
import { coded } from './codes.js';

const PAGE = 50;
const BEFORE = 5;
const AFTER = 2;
const keyOf = (r) => `${r.counter_id}|${r.direction}|${r.timestamp}`;
/**
 * The reading's counter as the meter page names it (name, direction, tariff) and its OBIS code: two slips on one meter differ here.
 * On a counter that declares no direction the name carries the reading's own, so its feed-in and feed-out slips differ too.
 */
const shownCounter = (r) => withDirection(r.counter, r.direction, r.meter?.sector);
const counterName = (r) => (r.counter ? counterLabel(shownCounter(r)) : r.counter_id);
const counterCell = (r) => (r.counter ? counterColumn(shownCounter(r)) : [words(r.counter_id)]);
const shown = (v, lang) => (isDecimal(v) ? format(v, lang) : '—');

async function implausibleReadings(pages) {
  const items = [];
  let page = { next_cursor: undefined };
  for (let i = 0; i < pages && (i === 0 || page.next_cursor); i += 1) {
    page = await admin.implausibleReadings({ size: PAGE, cursor: page.next_cursor });
    items.push(...page.data);
  }
  const ids = items.map((r) => r.meter_id);
  const [meters, counters] = await Promise.all([metersById(ids), countersById(ids)]);
  return { items: items.map((r) => ({ ...r, meter: meters.get(r.meter_id), counter: counters.get(r.counter_id) })), more: Boolean(page.next_cursor), page };
}

/** The readings of the reading's series around it: a few before, the reading, a couple after. */
async function history(r) {
  const series = { direction: r.direction, type: 'cumulative' };
  const [before, after] = await Promise.all([
    admin.readings(r.meter_id, r.counter_id, { ...series, end_date: r.timestamp, sort: 'desc', size: BEFORE + 1 }),
    admin.readings(r.meter_id, r.counter_id, { ...series, start_date: r.timestamp, sort: 'asc', size: AFTER + 1 }),
  ]);
  return [...before.results.slice().reverse(), ...after.results.filter((x) => x.timestamp !== r.timestamp)];
}

function historyTable(r, around, lang) {
  return h('table', { class: 'data dense stacking', id: 'implausible-history' },
    h('caption', {}, `${t('console.implausible.history')}: ${r.meter?.meter_number || r.meter_id}, ${counterName(r)}`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('readings.time')),
      h('th', { scope: 'col', class: 'num' }, t('console.reading.value')),
      h('th', { scope: 'col' }, t('readings.status')))),
    h('tbody', {}, around.map((x) => {
      const self = x.timestamp === r.timestamp;
      return h('tr', { class: self ? 'implausible current' : (x.status === 'implausible' ? 'implausible' : null) },
        // the date and the time each on a line of their own, never broken inside: the card is narrow
        h('th', { scope: 'row' }, h('span', { class: 'date' }, formatDateTime(x.timestamp, { dateStyle: 'short' })), ' ',
          h('span', { class: 'time' }, formatDateTime(x.timestamp, { timeStyle: 'short' })),
          self ? h('span', { class: 'visually-hidden' }, ` (${t('console.implausible.this')})`) : null),
        h('td', { class: 'num', 'data-label': t('console.reading.value') }, shown(x.value, lang)),
        h('td', { 'data-label': t('readings.status') }, statusLabel(x.status)));
    })));
}

export async function implausibleView(main, pages = 1) {
  const lang = currentLanguage();
  const { items, more, page } = await implausibleReadings(pages);
  if (!items.length) {
    show(main, h('h1', {}, t('console.nav.implausible')),
      h('section', { class: 'card' }, emptyQueue('implausible', t('console.implausible.none'), 'implausible-result')));
    return;
  }
  const reload = () => implausibleView(main, pages).then(refreshCounts);
  const out = h('div', { 'aria-live': 'polite', id: 'implausible-result' });
  // the first reading's history is there from the start; selecting another row shows its own
  const aside = h('aside', { class: 'card history', 'aria-live': 'polite', id: 'implausible-aside' },
    historyTable(items[0], await history(items[0]), lang),
    h('p', { class: 'muted' }, t('console.implausible.historyHint')));
  const boxes = new Map();
  // a refused reading is named by its meter, counter and time
  const name = (r) => `${r.meter?.meter_number || r.meter_id}, ${counterName(r)}, ${formatDateTime(r.timestamp)}`;
  const accept = (targets) => runAll(out, targets, (r) => admin.updateReading(r.meter_id, r.counter_id, r.timestamp,
    { value: new DecimalLiteral(r.value), status: 'valid', direction: r.direction, source: r.source }), reload, name);
  const remove = (targets) => {
    const reason = window.prompt(t('console.reading.deleteReason'));
    if (reason === null) return Promise.resolve();
    return runAll(out, targets, (r) => admin.deleteReading(r.meter_id, r.counter_id,
      { timestamp: r.timestamp, direction: r.direction, reason }), reload, name);
  };
  let shownFor = null;
  const showHistory = async (r) => {
    shownFor = r;
    const around = await history(r);
    if (shownFor === r) aside.replaceChildren(historyTable(r, around, lang), aside.lastChild);
  };
  const selected = () => items.filter((r) => boxes.get(keyOf(r)).checked);
  const rows = items.map((r) => h('tr', { 'data-reading': keyOf(r), tabindex: '-1', onclick: () => showHistory(r) },
    h('td', {}, selectBox(boxes, keyOf(r))),
    h('th', { scope: 'row' }, formatDateTime(r.timestamp)),
    h('td', { class: 'ident', 'data-label': t('console.meter.title') },
      h('a', { href: `#/meter/${encodeURIComponent(r.meter_id)}/${encodeURIComponent(r.counter_id)}` }, r.meter?.meter_number || r.meter_id)),
    h('td', { class: 'counter-cell', 'data-label': t('console.counter.name') }, h('span', {}, ...counterCell(r))),
    h('td', { class: 'num', 'data-label': t('console.reading.value') }, shown(r.value, lang)),
    h('td', { class: 'source', 'data-label': t('readings.source') }, coded('source', r.source)),
    h('td', { 'data-label': t('console.reading.reason') }, coded('readingReason', r.reason)),
    h('td', {}, h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'button small', 'data-action': 'accept', title: t('console.reading.accept'), onclick: () => accept([r]) },
        t('console.implausible.accept')),
      h('button', { type: 'button', class: 'button secondary small', 'data-action': 'delete', onclick: () => remove([r]) }, t('console.reading.delete'))))));
  const table = h('table', { class: 'data dense stacking queue', id: 'implausible' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('console.changeset.select'))),
      h('th', { scope: 'col' }, t('readings.time')),
      h('th', { scope: 'col' }, t('console.meter.title')),
      h('th', { scope: 'col' }, t('console.counter.name')),
      h('th', { scope: 'col', class: 'num' }, t('console.reading.value')),
      h('th', { scope: 'col' }, t('readings.source')),
      h('th', { scope: 'col' }, t('console.reading.reason')),
      h('th', { scope: 'col' }, t('console.reading.actions')))),
    h('tbody', {}, rows));
  const focusRow = walkable(table, rows, items, boxes, keyOf, { a: (r) => accept([r]), d: (r) => remove([r]) }, showHistory);
  const acceptSelected = h('button', { type: 'button', class: 'button', id: 'accept-selected', onclick: () => accept(selected()) },
    t('console.implausible.acceptSelected'));
  const deleteSelected = h('button', { type: 'button', class: 'button secondary', id: 'delete-selected', onclick: () => remove(selected()) },
    t('console.implausible.deleteSelected'));
  enableWithSelection(boxes, [acceptSelected, deleteSelected]);
  show(main,
    h('h1', {}, t('console.nav.implausible')),
    h('p', { class: 'muted', id: 'implausible-intro' }, tn('console.implausible.intro', page.count, {}, queueCount(page))),
    h('div', { class: 'queue-layout' },
      h('section', { class: 'card' },
        h('div', { class: 'toolbar' }, acceptSelected, deleteSelected,
          h('button', { type: 'button', class: 'button secondary', id: 'implausible-start', onclick: () => focusRow(0) },
            t('console.changeset.start'))),
        h('p', { class: 'shortcuts' }, t('console.implausible.shortcuts')),
        out, h('div', { class: 'table-wrap' }, table),
        more ? h('p', {}, h('button', { type: 'button', class: 'button secondary', id: 'implausible-more',
          onclick: () => implausibleView(main, pages + 1) }, t('console.queue.more'))) : null),
      aside));
}
