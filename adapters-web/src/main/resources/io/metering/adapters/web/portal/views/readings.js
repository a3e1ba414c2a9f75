// My readings: a counter's readings, newest first, with the consumption since the previous one
// (the API's relative values), paged, with each reading's direction on a counter of both directions;
// the CSV download is built here from the JSON answers.
import { api } from '../lib/api.js';
import { h, show, status } from '../lib/dom.js';
import { whyFailed } from '../lib/failed.js';
import { t, tn, currentLanguage, formatDateTime } from '../lib/i18n.js';
import { format, isDecimal } from '../lib/decimal.js';
import { counterLabel, directionLabel, sourceLabel, statusLabel, unitLabel } from '../lib/labels.js';
import { directionShown, relativeOf } from '../lib/direction.js';
import { csvFileName, readingsCsv } from '../lib/csv.js';
import { meterName } from './meter-name.js';

const PAGE = 20;

/**
 * Builds the CSV from the API's answers and hands it to the browser; a failure is said next to the
 * button (role alert, so it is announced), with why (lib/failed.js), and nothing is downloaded.
 */
async function download(meterId, counterId, counter, button, out) {
  button.disabled = true;
  out.replaceChildren();
  try {
    const all = { size: -1, sort: 'asc' };
    const [cumulative, relative, meter] = await Promise.all([
      api.readings(meterId, counterId, { ...all, type: 'cumulative' }),
      api.readings(meterId, counterId, { ...all, type: 'relative' }),
      api.meter(meterId).then((r) => r.data.entity),
    ]);
    const csv = readingsCsv(cumulative.results, relative.results, counter.unit);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: csvFileName(meter, counter), hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    out.replaceChildren(status(t('readings.downloadFailed', { why: whyFailed(e) }), 'error'));
  } finally {
    button.disabled = false;
  }
}

export async function readingsView(main, meterId, counterId, params) {
  const counter = (await api.counters(meterId)).data.find((c) => c._id === counterId);
  if (!counter) throw new Error(t('error.notFound'));
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const query = { size: PAGE, from: page * PAGE, sort: 'desc' };
  const [cumulative, relative, meter] = await Promise.all([
    api.readings(meterId, counterId, { ...query, type: 'cumulative' }),
    api.readings(meterId, counterId, { ...query, type: 'relative' }),
    api.meter(meterId).then((r) => r.data.entity, () => null),
  ]);
  // a two-way register's feed-in and feed-out readings at one instant are two readings: each shows its direction
  const directed = directionShown(counter, meter?.sector, cumulative.results);
  const since = relativeOf(relative.results);
  const lang = currentLanguage();
  const unit = unitLabel(counter.unit);
  const hits = Number(cumulative.hits ?? cumulative.results.length);
  const pages = Math.max(1, Math.ceil(hits / PAGE));
  const link = (p) => `#/${encodeURIComponent(meterId)}/${encodeURIComponent(counterId)}/readings?page=${p}`;
  // data-label: the column's name, shown beside each value where the table stacks on a phone
  const rows = cumulative.results.map((r) => h('tr', { class: r.status === 'implausible' ? 'implausible' : null },
    h('th', { scope: 'row' }, formatDateTime(r.timestamp)),
    directed ? h('td', { class: 'direction', 'data-label': t('direction.label') }, directionLabel(r.direction)) : null,
    h('td', { class: 'num', 'data-label': t('readings.value', { unit }) }, format(r.value, lang)),
    h('td', { class: 'num', 'data-label': t('readings.since', { unit }) },
      // an implausible reading is not counted: no consumption since the previous one to show
      r.status !== 'implausible' && isDecimal(since(r)) ? format(since(r), lang) : '—'),
    h('td', { 'data-label': t('readings.source') }, sourceLabel(r.source)),
    h('td', { 'data-label': t('readings.status') }, statusLabel(r.status))));
  const button = h('button', { type: 'button', class: 'button secondary', id: 'download-csv' }, t('readings.download'));
  const downloadResult = h('div', { id: 'download-result' });
  button.addEventListener('click', () => download(meterId, counterId, counter, button, downloadResult));
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/meters' }, t('nav.meters'))),
    h('h1', {}, t('readings.title')),
    // the meter too: a household's two gas meters both have a "Gas volume"
    h('p', { class: 'muted', id: 'counter-of' }, meter ? [meterName(meter), ' · '] : null, counterLabel(counter)),
    h('section', { class: 'card' },
      h('div', { class: 'table-wrap' }, h('table', { class: 'data stacking', id: 'readings' },
        h('caption', {}, tn('readings.caption', hits, { unit }, format(String(hits), lang))),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('readings.time')),
          directed ? h('th', { scope: 'col' }, t('direction.label')) : null,
          h('th', { scope: 'col', class: 'num' }, t('readings.value', { unit })),
          h('th', { scope: 'col', class: 'num' }, t('readings.since', { unit })),
          h('th', { scope: 'col' }, t('readings.source')),
          h('th', { scope: 'col' }, t('readings.status')))),
        h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: directed ? 6 : 5 }, t('readings.none')))))),
      h('nav', { class: 'pager', 'aria-label': t('readings.pages') },
        page > 0 ? h('a', { class: 'button secondary', href: link(page - 1) }, t('readings.newer')) : h('span'),
        h('p', {}, t('readings.page', { page: page + 1, pages })),
        page + 1 < pages ? h('a', { class: 'button secondary', href: link(page + 1) }, t('readings.older')) : h('span')),
      h('p', {}, button), downloadResult));
}
