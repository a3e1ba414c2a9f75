// Readings of a counter: paged table (newest first; cumulative and consumption, status, source,
// reason, who and when; the direction on a counter that declares none), add a reading
// (skip_validation, direct; the direction where the counter needs one), correct or delete one with a
// reason (a correction's explanation goes into the remark, shown under the reason), accept an
// implausible reading as valid; the counter's pending changesets.
import { h, show, status } from '../../portal/lib/dom.js';
import { t, tn, currentLanguage, formatDateTime } from '../../portal/lib/i18n.js';
import { format, isDecimal, parseInput } from '../../portal/lib/decimal.js';
import { DecimalLiteral } from '../../portal/lib/json.js';
import { statusLabel, unitLabel } from '../../portal/lib/labels.js';
import { directionSelect, directionShown, eitherDirection, relativeOf } from '../../portal/lib/direction.js';
import { admin } from '../admin-api.js';
import { failure, tell } from './edit.js';
import { notANumber, savedNotice } from './one-reading.js';
import { coded, reasonSelect } from './codes.js';
import { correctionOf } from './correction.js';
import { changesetTable, refreshCounts } from './changesets.js';
import { counterSummary } from './counter-summary.js';

const PAGE = 20;

/** A checkbox of a write option (the API's skip_validation, direct) with its label and what it does. */
function check(box, label, hint) {
  const hintId = `${box.id}-hint`;
  box.setAttribute('aria-describedby', hintId);
  return h('label', { class: 'check', for: box.id }, box,
    h('span', {}, t(label), h('small', { class: 'hint', id: hintId }, t(hint))));
}

function addForm(meterId, counter, sector, lang, done) {
  const counterId = counter._id;
  // a counter that declares no direction may hold both: the reading names its own (docs/domain.md "Direction")
  const direction = eitherDirection(counter, sector) ? directionSelect('add-direction', { required: true }) : null;
  const value = h('input', { id: 'add-value', inputmode: 'decimal', autocomplete: 'off', required: true });
  const when = h('input', { id: 'add-time', type: 'datetime-local', step: 1 });
  // creating a reading takes only the contract's reason codes (docs/domain.md "Reading"): a choice, not free text
  const reason = reasonSelect('add-reason');
  const skip = h('input', { id: 'add-skip', type: 'checkbox' });
  const direct = h('input', { id: 'add-direct', type: 'checkbox' });
  const out = h('div', { 'aria-live': 'polite', id: 'add-result' });
  const submit = async (event) => {
    event.preventDefault();
    const exact = parseInput(value.value, lang);
    if (exact === null) {
      out.replaceChildren(status(notANumber(lang), 'error'));
      return;
    }
    const reading = { meter_id: meterId, counter_id: counterId, value: new DecimalLiteral(exact), source: 'ERP' };
    if (direction?.value) reading.direction = direction.value;
    if (when.value) reading.timestamp = new Date(when.value).toISOString();
    if (reason.value) reading.reason = reason.value;
    try {
      const answer = await admin.addReading(reading, { skip_validation: skip.checked || undefined, direct: direct.checked || undefined });
      const saved = answer?.pending_changesets ? status(t('submit.pending'), 'success') : savedNotice(answer?.data);
      await done();
      // the view is drawn again with the new reading: the message goes into the new form's live region
      (document.getElementById('add-result') ?? out).replaceChildren(saved);
    } catch (e) {
      out.replaceChildren(failure(e));
    }
  };
  return h('form', { id: 'add-reading', onsubmit: submit },
    h('div', { class: 'toolbar' },
      h('label', { for: 'add-value' }, t('console.reading.value'), value),
      direction ? h('label', { for: 'add-direction' }, t('direction.label'), direction) : null,
      h('label', { for: 'add-time' }, t('console.reading.time'), when),
      h('label', { for: 'add-reason' }, t('console.reading.reason'), reason),
      check(skip, 'console.reading.skipValidation', 'console.reading.skipValidationHint'),
      check(direct, 'console.reading.direct', 'console.reading.directHint'),
      h('button', { type: 'submit', class: 'button' }, t('console.reading.add'))),
    out);
}

export async function counterView(main, meterId, counterId, params) {
  const [counters, meter] = await Promise.all([admin.counters(meterId), admin.meter(meterId).then((m) => m.data ?? m, () => null)]);
  const counter = (counters.data ?? counters).find((c) => c._id === counterId);
  if (!counter) throw new Error(t('error.notFound'));
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const query = { size: PAGE, from: page * PAGE, sort: 'desc' };
  const [cumulative, relative, changesets] = await Promise.all([
    admin.readings(meterId, counterId, { ...query, type: 'cumulative' }),
    admin.readings(meterId, counterId, { ...query, type: 'relative' }),
    admin.changesets(meterId, counterId),
  ]);
  const lang = currentLanguage();
  const unit = unitLabel(counter.unit);
  const directed = directionShown(counter, meter?.sector, cumulative.results);
  const since = relativeOf(relative.results);
  // an added, corrected or accepted reading may enter or leave a review queue: the navigation's counts follow
  const reload = () => counterView(main, meterId, counterId, params).then(refreshCounts);
  const out = h('div', { 'aria-live': 'polite', id: 'row-result' });
  // `work` answers false when nothing was sent (a prompt cancelled, a value that is no number): no redraw;
  // a write the service stored as implausible is said so in the redrawn page's live region, and with
  // `confirm` (a correction, like Add) a stored one is confirmed there too ("Saved.")
  const act = (work, { confirm = false } = {}) => async () => {
    try {
      const answer = await work();
      if (answer === false) return;
      await reload();
      const live = document.getElementById('row-result') ?? out;
      if (confirm) tell(live, answer?.pending_changesets ? status(t('submit.pending'), 'success') : savedNotice(answer?.data));
      else if (answer?.data?.status === 'implausible') tell(live, savedNotice(answer.data));
    } catch (e) {
      tell(out, failure(e));
    }
  };
  const at = (r) => ({ direction: r.direction });
  const rows = cumulative.results.map((r) => {
    const delta = since(r);
    const correct = act(async () => {
      const typed = window.prompt(t('console.reading.correctValue'), format(r.value, lang));
      if (typed === null) return false;
      const exact = parseInput(typed, lang);
      if (exact === null) {
        tell(out, status(notANumber(lang), 'error'));
        return false;
      }
      // Cancel on the reason's question cancels the correction, as on the value's
      const why = window.prompt(t('console.reading.reasonPrompt'));
      if (why === null) return false;
      return admin.updateReading(meterId, counterId, r.timestamp, correctionOf(r, new DecimalLiteral(exact), why));
    }, { confirm: true });
    const remove = act(async () => {
      const reason = window.prompt(t('console.reading.deleteReason'));
      if (reason === null) return false;
      await admin.deleteReading(meterId, counterId, { timestamp: r.timestamp, ...at(r), reason });
    });
    const accept = act(() => admin.updateReading(meterId, counterId, r.timestamp,
      { value: new DecimalLiteral(r.value), status: 'valid', direction: r.direction, source: r.source }));
    return h('tr', { class: r.status === 'implausible' ? 'implausible' : null },
      h('th', { scope: 'row' }, formatDateTime(r.timestamp)),
      directed ? h('td', { class: 'direction', 'data-label': t('direction.label') }, coded('direction', r.direction)) : null,
      h('td', { class: 'num', 'data-label': t('readings.value', { unit }) }, format(r.value, lang)),
      h('td', { class: 'num', 'data-label': t('readings.since', { unit }) },
        // an implausible reading is not counted: no consumption since the previous one to show (as in the portal)
        r.status !== 'implausible' && isDecimal(delta) ? format(delta, lang) : '—'),
      h('td', { 'data-label': t('readings.status') }, statusLabel(r.status)),
      h('td', { 'data-label': t('readings.source') }, coded('source', r.source)),
      h('td', { 'data-label': t('console.reading.reason') }, coded('readingReason', r.reason),
        // the remark (where a correction's explanation goes) under the reason, each line kept
        r.remark ? h('small', { class: 'remark', title: t('console.reading.remark') }, r.remark) : null),
      h('td', { 'data-label': t('console.reading.by') }, r.read_by ?? ''),
      h('td', {}, h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'button secondary small', 'data-action': 'correct', onclick: correct }, t('console.reading.correct')),
        h('button', { type: 'button', class: 'button secondary small', 'data-action': 'delete', onclick: remove }, t('console.reading.delete')),
        r.status === 'implausible'
          ? h('button', { type: 'button', class: 'button small', 'data-action': 'accept', onclick: accept }, t('console.reading.accept')) : null)));
  });
  const hits = Number(cumulative.hits ?? cumulative.results.length);
  const pages = Math.max(1, Math.ceil(hits / PAGE));
  const link = (p) => `#/meter/${encodeURIComponent(meterId)}/${encodeURIComponent(counterId)}?page=${p}`;
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/meters' }, t('console.nav.meters')), ' › ',
      h('a', { href: `#/meter/${encodeURIComponent(meterId)}`, id: 'crumb-meter' },
        `${t('console.meter.title')} ${meter?.meter_number ?? meterId}`), ' › ', t('console.counter.name')),
    h('h1', {}, t('console.reading.title')),
    h('p', { class: 'muted', id: 'counter-summary' }, counterSummary(counter)),
    h('p', {}, h('a', { href: `#/${encodeURIComponent(meterId)}/${encodeURIComponent(counterId)}/consumption`, id: 'consumption-link' },
      t('console.reading.chart'))),
    h('section', { class: 'card' }, h('h2', {}, t('console.reading.add')), addForm(meterId, counter, meter?.sector, lang, reload)),
    changesets.changesets?.length
      ? h('section', { class: 'card' }, h('h2', {}, t('console.nav.changesets')), changesetTable(changesets.changesets.map((cs) => ({ ...cs, counter, sector: meter?.sector })), lang, reload)) : null,
    h('section', { class: 'card' }, out,
      h('div', { class: 'table-wrap' }, h('table', { class: 'data dense stacking readings', id: 'readings' },
        h('caption', {}, tn('readings.caption', hits, { unit }, format(String(hits), lang))),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('readings.time')),
          directed ? h('th', { scope: 'col' }, t('direction.label')) : null,
          h('th', { scope: 'col', class: 'num' }, t('readings.value', { unit })),
          h('th', { scope: 'col', class: 'num' }, t('readings.since', { unit })),
          h('th', { scope: 'col' }, t('readings.status')),
          h('th', { scope: 'col' }, t('readings.source')),
          h('th', { scope: 'col' }, t('console.reading.reason')),
          h('th', { scope: 'col' }, t('console.reading.by')),
          h('th', { scope: 'col' }, t('console.reading.actions')))),
        h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: directed ? 9 : 8 }, t('readings.none')))))),
      h('nav', { class: 'pager', 'aria-label': t('readings.pages') },
        page > 0 ? h('a', { class: 'button secondary', href: link(page - 1) }, t('readings.newer')) : h('span'),
        h('p', {}, t('readings.page', { page: page + 1, pages })),
        page + 1 < pages ? h('a', { class: 'button secondary', href: link(page + 1) }, t('readings.older')) : h('span'))));
}
