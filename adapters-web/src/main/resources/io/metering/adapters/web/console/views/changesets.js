// Pending changesets, oldest first, each proposal against the current value: apply, dismiss with a
// reason, edit the proposed value, several at once; keyboard: j / k next and previous, a apply, d dismiss, x select.
import { h, show, status } from '../../portal/lib/dom.js';
import { t, currentLanguage, formatDateTime } from '../../portal/lib/i18n.js';
import { format, isDecimal, parseInput } from '../../portal/lib/decimal.js';
import { DecimalLiteral } from '../../portal/lib/json.js';
import { admin, allMeters } from '../admin-api.js';
import { failure } from './edit.js';

const value = (reading, lang) => (reading && isDecimal(reading.value) ? format(reading.value, lang) : '—');

/** The pending changesets of every counter of the organization, oldest first. */
export async function pendingChangesets() {
  const meters = (await allMeters()).filter((m) => m.reading_governance);
  const perCounter = await Promise.all(meters.map(async (m) => {
    const counters = await admin.counters(m._id);
    return Promise.all((counters.data ?? counters).map(async (c) =>
      (await admin.changesets(m._id, c._id)).changesets.map((cs) => ({ ...cs, meter: m, counter: c }))));
  }));
  return perCounter.flat(2).sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
}

/** A table of changesets with their actions; selected rows act together. */
export function changesetTable(changesets, lang, done) {
  const out = h('div', { 'aria-live': 'polite', id: 'changeset-result' });
  const boxes = new Map();
  const run = async (targets, work) => {
    try {
      for (const cs of targets) await work(cs);
      out.replaceChildren(status(t('console.edit.saved'), 'success'));
      await done();
    } catch (e) {
      out.replaceChildren(failure(e));
    }
  };
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
      out.replaceChildren(status(t('submit.notANumber'), 'error'));
      return Promise.resolve();
    }
    return run([cs], () => admin.updateChangeset(cs.meter_id, cs.counter_id, cs.changeset_id, { value: new DecimalLiteral(exact) }));
  };
  const selected = () => changesets.filter((cs) => boxes.get(cs.changeset_id).checked);
  const rows = changesets.map((cs) => {
    const box = h('input', { type: 'checkbox', 'aria-label': t('console.changeset.select') });
    boxes.set(cs.changeset_id, box);
    return h('tr', { 'data-changeset': cs.changeset_id, tabindex: '-1' },
      h('td', {}, box),
      h('th', { scope: 'row' }, formatDateTime(cs.created_at)),
      h('td', { 'data-label': t('console.meter.title') }, cs.meter
        ? h('a', { href: `#/meter/${encodeURIComponent(cs.meter_id)}/${encodeURIComponent(cs.counter_id)}` }, cs.meter.meter_number ?? cs.meter_id) : ''),
      h('td', { 'data-label': t('readings.time') }, cs.proposed?.timestamp ? formatDateTime(cs.proposed.timestamp) : ''),
      h('td', { class: 'num', 'data-label': t('console.changeset.current') }, value(cs.previous, lang)),
      h('td', { class: 'num', 'data-label': t('console.changeset.proposed') }, value(cs.proposed, lang)),
      h('td', { 'data-label': t('readings.source') }, `${cs.source ?? ''} ${cs.created_by?.id ?? ''}`),
      h('td', {}, h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'button small', 'data-action': 'apply', onclick: () => apply([cs]) }, t('console.changeset.apply')),
        h('button', { type: 'button', class: 'button secondary small', 'data-action': 'edit', onclick: () => edit(cs) }, t('console.changeset.edit')),
        h('button', { type: 'button', class: 'button secondary small', 'data-action': 'dismiss', onclick: () => dismiss([cs]) }, t('console.changeset.dismiss')))));
  });
  let cursor = -1;
  const focusRow = (i) => {
    if (!rows.length) return;
    cursor = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, j) => r.classList.toggle('selected', j === cursor));
    rows[cursor].focus();
  };
  const table = h('table', { class: 'data dense stacking', id: 'changesets' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('console.changeset.select'))),
      h('th', { scope: 'col' }, t('console.changeset.created')),
      h('th', { scope: 'col' }, t('console.meter.title')),
      h('th', { scope: 'col' }, t('readings.time')),
      h('th', { scope: 'col', class: 'num' }, t('console.changeset.current')),
      h('th', { scope: 'col', class: 'num' }, t('console.changeset.proposed')),
      h('th', { scope: 'col' }, t('readings.source')),
      h('th', { scope: 'col' }, t('console.reading.actions')))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 8 }, t('console.changeset.none')))));
  table.addEventListener('keydown', (event) => {
    if (event.target.tagName === 'INPUT' && event.key !== 'x') return;
    const current = changesets[cursor];
    const keys = {
      j: () => focusRow(cursor + 1),
      k: () => focusRow(cursor - 1),
      x: () => { if (current) boxes.get(current.changeset_id).click(); },
      a: () => current && apply([current]),
      d: () => current && dismiss([current]),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });
  return h('div', {},
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'button', id: 'apply-selected', onclick: () => apply(selected()) }, t('console.changeset.applySelected')),
      h('button', { type: 'button', class: 'button secondary', id: 'dismiss-selected', onclick: () => dismiss(selected()) }, t('console.changeset.dismissSelected')),
      h('button', { type: 'button', class: 'button secondary', id: 'queue-start', onclick: () => focusRow(0) }, t('console.changeset.start'))),
    h('p', { class: 'shortcuts', id: 'shortcuts' }, t('console.changeset.shortcuts')),
    out, h('div', { class: 'table-wrap' }, table));
}

export async function changesetsView(main) {
  const lang = currentLanguage();
  const pending = await pendingChangesets();
  show(main,
    h('h1', {}, t('console.nav.changesets')),
    h('p', { class: 'muted' }, t('console.changeset.intro', { count: pending.length })),
    h('section', { class: 'card' }, changesetTable(pending, lang, () => changesetsView(main))));
}
