// Pending changesets of the organization (listPendingChangesets), oldest first, each proposal against
// the current value: apply, dismiss with a reason, edit the proposed value, several at once;
// keyboard: j / k next and previous, x select, a apply, e edit, d dismiss.
import { h, show, status } from '../../portal/lib/dom.js';
import { t, tn, currentLanguage, formatDateTime } from '../../portal/lib/i18n.js';
import { format, isDecimal, parseInput } from '../../portal/lib/decimal.js';
import { DecimalLiteral } from '../../portal/lib/json.js';
import { admin, countersById, metersById, queueCount } from '../admin-api.js';
import { eitherDirection } from '../../portal/lib/direction.js';
import { emptyQueue, enableWithSelection, runAll, selectBox, walkable, words } from './queue.js';
import { coded } from './codes.js';
import { notANumber } from './one-reading.js';
import { tell } from './edit.js';
import { counterCell, counterSummary, withDirection } from './counter-summary.js';

/** The proposed reading's instant and, on a counter that may hold both directions, its direction. */
function proposedAt(cs) {
  const at = cs.proposed?.timestamp ? formatDateTime(cs.proposed.timestamp) : '';
  return cs.proposed?.direction && eitherDirection(cs.counter, cs.meter?.sector ?? cs.sector)
    ? [at, ' ', coded('direction', cs.proposed.direction)] : at;
}

/** The changeset's counter, with the proposal's direction on a counter of both directions. */
const shownCounter = (cs) => withDirection(cs.counter, cs.proposed?.direction, cs.meter?.sector ?? cs.sector);

/** The changeset's counter as the readings page names it. */
function counterNamed(cs) {
  return cs.counter ? counterSummary(shownCounter(cs)) : cs.counter_id;
}

/** The changeset's counter as the implausible queue's Counter column names it: name and OBIS code. */
function counterColumn(cs) {
  return cs.counter ? counterCell(shownCounter(cs)) : cs.counter_id;
}

/** The proposed value; one the write rules judged implausible when proposed is marked so (its status kept in the changeset). */
function proposedValue(cs, lang) {
  const shown = value(cs.proposed, lang);
  return cs.proposed?.status === 'implausible'
    ? [shown, ' ', h('span', { class: 'coded flag', title: 'implausible' }, words(t('console.changeset.implausible')))] : shown;
}

const value = (reading, lang) => (reading && isDecimal(reading.value) ? format(reading.value, lang) : '—');

const PAGE = 50;

/**
 * Pages of the organization's pending changesets, oldest first (listPendingChangesets), from the
 * first up to the `pages`-th, each changeset with its meter and counter for the table.
 */
async function pendingChangesets(pages) {
  const items = [];
  let page = { next_cursor: undefined };
  for (let i = 0; i < pages && (i === 0 || page.next_cursor); i += 1) {
    page = await admin.pendingChangesets({ size: PAGE, cursor: page.next_cursor });
    items.push(...page.data);
  }
  const ids = items.map((cs) => cs.meter_id);
  const [meters, counters] = await Promise.all([metersById(ids), countersById(ids)]);
  return { items: items.map((cs) => ({ ...cs, meter: meters.get(cs.meter_id), counter: counters.get(cs.counter_id) })),
    more: Boolean(page.next_cursor), page };
}

/**
 * A table of changesets with their actions; selected rows act together. Each changeset may carry its
 * `meter` (shown) and `counter` (with `sector`, where no meter is given: whether its direction is shown).
 */
export function changesetTable(changesets, lang, done) {
  if (!changesets.length) return emptyQueue('changesets', t('console.changeset.none'), 'changeset-result');
  const out = h('div', { 'aria-live': 'polite', id: 'changeset-result' });
  const boxes = new Map();
  // a refused item is named by its meter, its counter (a meter has several: import and export, two tariffs) and the
  // proposed reading's time
  const name = (cs) => [cs.meter?.meter_number || cs.meter_id, counterNamed(cs),
    cs.proposed?.timestamp ? formatDateTime(cs.proposed.timestamp) : null].filter(Boolean).join(', ');
  const run = (targets, work) => runAll(out, targets, work, done, name);
  const apply = (targets) => run(targets, (cs) => admin.applyChangeset(cs.meter_id, cs.counter_id, cs.changeset_id));
  const dismiss = (targets) => {
    const reason = window.prompt(t('console.changeset.reason'));
    if (reason === null) return Promise.resolve();
    return run(targets, (cs) => admin.dismissChangeset(cs.meter_id, cs.counter_id, cs.changeset_id, reason));
  };
  const edit = (cs) => {
    const typed = window.prompt(t('console.changeset.editValue'), value(cs.proposed, lang));
    if (typed === null) return Promise.resolve();
    const exact = parseInput(typed, lang);
    if (exact === null) {
      tell(out, status(notANumber(lang), 'error'));
      return Promise.resolve();
    }
    return run([cs], () => admin.updateChangeset(cs.meter_id, cs.counter_id, cs.changeset_id, { value: new DecimalLiteral(exact) }));
  };
  const selected = () => changesets.filter((cs) => boxes.get(cs.changeset_id).checked);
  const rows = changesets.map((cs) => h('tr', { 'data-changeset': cs.changeset_id, tabindex: '-1' },
    h('td', {}, selectBox(boxes, cs.changeset_id)),
    h('th', { scope: 'row' }, formatDateTime(cs.created_at)),
    h('td', { class: 'ident', 'data-label': t('console.meter.title') }, cs.meter
      ? h('a', { href: `#/meter/${encodeURIComponent(cs.meter_id)}/${encodeURIComponent(cs.counter_id)}` }, cs.meter.meter_number || cs.meter_id) : ''),
    h('td', { class: 'counter-cell', 'data-label': t('console.counter.name') }, h('span', {}, counterColumn(cs))),
    h('td', { 'data-label': t('readings.time') }, proposedAt(cs)),
    h('td', { class: 'num', 'data-label': t('console.changeset.current') }, value(cs.previous, lang)),
    h('td', { class: 'num', 'data-label': t('console.changeset.proposed') }, proposedValue(cs, lang)),
    h('td', { class: 'source', 'data-label': t('readings.source') }, coded('source', cs.source), ' ', words(cs.created_by?.id)),
    h('td', {}, h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'button small', 'data-action': 'apply', onclick: () => apply([cs]) }, t('console.changeset.apply')),
      h('button', { type: 'button', class: 'button secondary small', 'data-action': 'edit', onclick: () => edit(cs) }, t('console.changeset.edit')),
      h('button', { type: 'button', class: 'button secondary small', 'data-action': 'dismiss', onclick: () => dismiss([cs]) }, t('console.changeset.dismiss'))))));
  const table = h('table', { class: 'data dense stacking queue', id: 'changesets' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('console.changeset.select'))),
      h('th', { scope: 'col' }, t('console.changeset.created')),
      h('th', { scope: 'col' }, t('console.meter.title')),
      h('th', { scope: 'col' }, t('console.counter.name')),
      h('th', { scope: 'col' }, t('readings.time')),
      h('th', { scope: 'col', class: 'num' }, t('console.changeset.current')),
      h('th', { scope: 'col', class: 'num' }, t('console.changeset.proposed')),
      h('th', { scope: 'col' }, t('readings.source')),
      h('th', { scope: 'col' }, t('console.reading.actions')))),
    h('tbody', {}, rows));
  const focusRow = walkable(table, rows, changesets, boxes, (cs) => cs.changeset_id,
    { a: (cs) => apply([cs]), d: (cs) => dismiss([cs]), e: (cs) => edit(cs) });
  const applySelected = h('button', { type: 'button', class: 'button', id: 'apply-selected', onclick: () => apply(selected()) },
    t('console.changeset.applySelected'));
  const dismissSelected = h('button', { type: 'button', class: 'button secondary', id: 'dismiss-selected', onclick: () => dismiss(selected()) },
    t('console.changeset.dismissSelected'));
  enableWithSelection(boxes, [applySelected, dismissSelected]);
  return h('div', {},
    h('div', { class: 'toolbar' }, applySelected, dismissSelected,
      h('button', { type: 'button', class: 'button secondary', id: 'queue-start', onclick: () => focusRow(0) },
        t('console.changeset.start'))),
    h('p', { class: 'shortcuts', id: 'shortcuts' }, t('console.changeset.shortcuts')),
    out, h('div', { class: 'table-wrap' }, table));
}

/** The queue, `pages` pages of it (Show more adds one); after an action it reloads as far as it was. */
export async function changesetsView(main, pages = 1) {
  const lang = currentLanguage();
  const { items, more, page } = await pendingChangesets(pages);
  const reload = () => changesetsView(main, pages).then(refreshCounts);
  show(main,
    h('h1', {}, t('console.nav.changesets')),
    items.length ? h('p', { class: 'muted', id: 'changeset-intro' }, tn('console.changeset.intro', page.count, {}, queueCount(page))) : null,
    h('section', { class: 'card' }, changesetTable(items, lang, reload),
      more ? h('p', {}, h('button', { type: 'button', class: 'button secondary', id: 'changesets-more',
        onclick: () => changesetsView(main, pages + 1) }, t('console.queue.more'))) : null));
}

/** Asks the shell to redraw the navigation's counts after the queue changed. */
export function refreshCounts() {
  window.dispatchEvent(new CustomEvent('metering:queues-changed'));
}
