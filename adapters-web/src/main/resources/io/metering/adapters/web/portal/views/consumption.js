// My consumption: a counter's consumption per day, month or year (our consumption endpoint,
// docs/analytics.md) with the previous period overlaid, estimated boundary values and implausible
// readings marked, totals in the counter's unit and, with a conversion factor or transformer ratio,
// in kWh. The chart is drawn by uPlot; the table below it carries the same figures for everyone.
import { api } from '../lib/api.js';
import { h, show, status } from '../lib/dom.js';
import { t, tn, currentLanguage, formatDate, formatDateTime } from '../lib/i18n.js';
import { add, format, isDecimal, normalize } from '../lib/decimal.js';
import { counterLabel, unitLabel } from '../lib/labels.js';
import { isEstimated } from '../lib/measured.js';
import { partialSpan } from '../lib/partial.js';
import { fromFirstReading } from '../lib/first-year.js';
import { awaitingLaterReading } from '../lib/awaiting.js';
import { meterName } from './meter-name.js';
import { tickLabels, yRange } from '../lib/chart.js';
import { VIEWS, windowOf, step, comparisonAnchor, iso, fromIso } from './period.js';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function load(meterId, counterId, view, anchor) {
  const { start, end } = windowOf(view, anchor);
  return api.consumption(meterId, counterId, { interval: VIEWS[view].interval, start_date: start, end_date: end, time_zone: ZONE })
    .then((r) => r.data);
}

function periodLabel(view, period, long = false) {
  const opts = view === 'year' ? { month: long ? 'long' : 'short', ...(long ? { year: 'numeric' } : {}) }
    : view === 'years' ? { year: 'numeric' }
      : long ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'numeric' };
  return new Intl.DateTimeFormat(currentLanguage(), { ...opts, timeZone: ZONE }).format(new Date(period.start));
}

const daysFrom = (date, days) => {
  const d = fromIso(date);
  return iso(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days));
};

/** The sum of the periods' values of one field, exact; null when none has a value. */
function sum(periods, field) {
  const values = periods.map((p) => p[field]).filter(isDecimal);
  return values.length ? values.reduce(add) : null;
}

/**
 * The Years view's first and last year, which the readings only partly cover: asked again for the
 * covered part (lib/partial.js), the bar gets that consumption and a label, and the total follows.
 */
async function withPartialYears(meterId, counterId, report, times) {
  // the years before the first reading have nothing to show: the view starts at the year holding it
  const periods = await Promise.all(fromFirstReading(report.periods, times).map(async (p) => {
    const span = partialSpan(p, times);
    if (!span) return p;
    const part = (await api.consumption(meterId, counterId,
      { interval: 'year', start_date: span.from, end_date: span.to, time_zone: ZONE })).data.periods[0];
    return part ? { ...p, ...part, start: p.start, end: p.end, partial: span } : p;
  }));
  const total = {
    ...report.total,
    consumption: sum(periods, 'consumption'),
    energy: sum(periods, 'energy'),
    periods_without_value: periods.filter((p) => !isDecimal(p.consumption)).length,
  };
  return { ...report, periods, total };
}
function partialLabel(span) {
  if (span.cutStart && span.cutEnd) return t('consumption.partialYearBoth', { from: formatDate(span.from), to: formatDate(span.to) });
  return span.cutStart ? t('consumption.partialYear', { date: formatDate(span.from) }) : t('consumption.partialYearTo', { date: formatDate(span.to) });
}

// the chart's geometry only: every figure shown as text stays an exact decimal string
const plotted = (v) => (isDecimal(v) ? Number(v) : null);

async function drawChart(holder, view, report, previous, estimated) {
  const { default: UPlot } = await import('../vendor/uplot/1.6.30/dist/uPlot.esm.js');
  const periods = report.periods;
  const xs = periods.map((_, i) => i);
  const measured = periods.map((p) => (estimated(p) ? null : plotted(p.consumption)));
  const approx = periods.map((p) => (estimated(p) ? plotted(p.consumption) : null));
  const before = periods.map((_, i) => plotted(previous?.periods[i]?.consumption));
  const width = Math.max(280, holder.clientWidth || 600);
  const bars = UPlot.paths.bars({ size: [0.7, 48], gap: 1 });
  const series = [
    {},
    { label: t('consumption.measured'), stroke: '#0b5c8e', fill: '#0b5c8e', paths: bars, points: { show: false } },
    { label: t('consumption.estimated'), stroke: '#0b5c8e', fill: 'rgba(11,92,142,0.35)', paths: bars, points: { show: false } },
  ];
  const data = [xs, measured, approx];
  if (previous) {
    series.push({ label: t('consumption.previous'), stroke: '#5f6b76', width: 2, dash: [6, 4], points: { show: true, size: 5 } });
    data.push(before);
  }
  holder.replaceChildren();
  const plot = new UPlot({
    width,
    height: width < 500 ? 220 : 300,
    scales: { x: { time: false, range: [-0.5, periods.length - 0.5] }, y: { range: (u, min, max) => yRange(min, max) } },
    axes: [
      { values: (u, ticks) => ticks.map((i) => (Number.isInteger(i) && periods[i] ? periodLabel(view, periods[i]) : '')), stroke: '#3d4852' },
      { stroke: '#3d4852', size: 60, values: (u, splits) => tickLabels(splits, currentLanguage()) },
    ],
    legend: { show: true, live: false },
    cursor: { show: false },
    series,
  }, data, holder);
  // follow the width (a phone turned sideways); the observer ends with the chart's element
  new ResizeObserver(() => {
    const now = Math.max(280, holder.clientWidth);
    if (holder.isConnected && Math.abs(now - plot.width) > 8) plot.setSize({ width: now, height: now < 500 ? 220 : 300 });
  }).observe(holder);
}

export async function consumptionView(main, meterId, counterId, params) {
  const [counters, meter] = await Promise.all([api.counters(meterId), api.meter(meterId).then((r) => r.data.entity, () => null)]);
  const counter = counters.data.find((c) => c._id === counterId);
  if (!counter) throw new Error(t('error.notFound'));
  const view = VIEWS[params.get('view')] ? params.get('view') : 'month';
  // by default the window holding the last fully measured day (the one before the last reading): a series
  // ending early on the 1st would otherwise open on a month without a single value
  const lastDay = counter.last_reading ? iso(new Date(Date.parse(counter.last_reading) - 86_400_000)) : iso(new Date());
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date') : lastDay;
  const compareAt = comparisonAnchor(view, anchor);
  const { start, end } = windowOf(view, anchor);
  // the readings a day beyond the window too: they tell whether a boundary value is measured (lib/measured.js)
  const [answer, before, around] = await Promise.all([
    load(meterId, counterId, view, anchor),
    compareAt ? load(meterId, counterId, view, compareAt) : null,
    api.readings(meterId, counterId, { start_date: daysFrom(start, -2), end_date: daysFrom(end, 2), size: -1, sort: 'asc' })
      .then((r) => r.results),
  ]);
  const times = around.filter((r) => r.status !== 'implausible').map((r) => Date.parse(r.timestamp)).sort((a, b) => a - b);
  const estimated = (p) => isEstimated(p, times);
  // a comparison without a single value (before the first reading) would only be a column of dashes
  const previous = before?.periods.some((p) => isDecimal(p.consumption)) ? before : null;
  const report = view === 'years' ? await withPartialYears(meterId, counterId, answer, times) : answer;
  const inWindow = (r) => Date.parse(r.timestamp) >= Date.parse(report.start) && Date.parse(r.timestamp) < Date.parse(report.end);
  const implausible = around.filter((r) => r.status === 'implausible' && inWindow(r));
  const lang = currentLanguage();
  const unit = unitLabel(report.unit ?? counter.unit);
  const link = (v, a) => `#/${encodeURIComponent(meterId)}/${encodeURIComponent(counterId)}/consumption?view=${v}&date=${a}`;
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('consumption.views') },
    Object.keys(VIEWS).map((v) => h('a', { href: link(v, anchor), 'aria-current': v === view ? 'page' : null }, t(`consumption.view.${v}`))));
  // the Years view names the years it shows, from the first with a reading
  const shownStart = view === 'years' && report.periods.length ? formatDate(report.periods[0].start) : formatDate(`${start}T12:00:00`);
  const range = `${shownStart} – ${formatDate(`${end}T12:00:00`)}`;
  const nav = h('div', { class: 'period-nav' },
    h('a', { class: 'button secondary', href: link(view, step(view, anchor, -1)), 'aria-label': t('consumption.earlier') }, '‹'),
    h('p', { class: 'period', 'aria-live': 'polite' }, range),
    h('a', { class: 'button secondary', href: link(view, step(view, anchor, 1)), 'aria-label': t('consumption.later') }, '›'));
  const total = report.total;
  const energyApplies = isDecimal(report.energy_factor) && normalize(report.energy_factor) !== '1';
  const totals = h('dl', { class: 'facts totals', id: 'consumption-totals' },
    h('dt', {}, t('consumption.total')),
    h('dd', { 'data-total': total.consumption ?? '' }, isDecimal(total.consumption) ? `${format(total.consumption, lang)} ${unit}` : '—'),
    energyApplies ? [h('dt', {}, t('consumption.energy')),
      h('dd', { 'data-energy': total.energy ?? '' }, isDecimal(total.energy) ? `${format(total.energy, lang)} kWh` : '—')] : null,
    previous && isDecimal(previous.total.consumption) ? [h('dt', {}, t('consumption.previousTotal')),
      h('dd', {}, `${format(previous.total.consumption, lang)} ${unit}`)] : null);
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': t('consumption.chartLabel', { range }) });
  // the period of the last reading has no value until a later reading exists: said in its row and below the chart
  const awaiting = report.periods.map((p) => awaitingLaterReading(p, times));
  const lastReading = awaiting.find((x) => x !== null);
  // the other periods without value lie beyond the readings (before the first, after the last)
  const withoutReadings = total.periods_without_value - awaiting.filter((x) => x !== null).length;
  const rows = report.periods.map((p, i) => h('tr', { class: estimated(p) ? 'estimated' : null },
    h('th', { scope: 'row' }, periodLabel(view, p, true), p.partial ? h('span', { class: 'partial' }, partialLabel(p.partial)) : null,
      awaiting[i] !== null ? h('span', { class: 'partial awaiting' }, t('consumption.awaiting')) : null),
    h('td', { class: 'num', 'data-consumption': p.consumption ?? '', 'data-label': t('consumption.consumption') },
      isDecimal(p.consumption) ? format(p.consumption, lang) : '—', estimated(p) ? h('span', { class: 'badge' }, t('consumption.estimatedShort')) : null),
    previous ? h('td', { class: 'num', 'data-label': t('consumption.previous') },
      isDecimal(previous.periods[i]?.consumption) ? format(previous.periods[i].consumption, lang) : '—') : null));
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data stacking' },
    h('caption', {}, t('consumption.tableCaption', { unit })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('consumption.period')), h('th', { scope: 'col', class: 'num' }, t('consumption.consumption')),
      previous ? h('th', { scope: 'col', class: 'num' }, t('consumption.previous')) : null)),
    h('tbody', {}, rows)));
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/meters' }, t('nav.meters'))),
    h('h1', {}, t('consumption.title')),
    // the meter too: a household's two gas meters both have a "Gas volume"
    h('p', { class: 'muted', id: 'counter-of' }, meter ? [meterName(meter), ' · '] : null, counterLabel(counter)),
    tabs, nav,
    h('section', { class: 'card' }, chart, totals,
      report.periods.some(estimated) ? h('p', { class: 'hint' }, t('consumption.estimatedNote')) : null,
      lastReading !== undefined ? h('p', { class: 'hint', id: 'awaiting-note' },
        t('consumption.awaitingNote', { date: formatDateTime(new Date(lastReading).toISOString()) })) : null,
      withoutReadings > 0 ? h('p', { class: 'hint' }, tn('consumption.noValue', withoutReadings)) : null,
      implausible.length ? h('div', {}, h('p', { class: 'hint' }, t('consumption.implausible')),
        h('ul', { class: 'implausible' }, implausible.map((r) => h('li', {}, `${formatDateTime(r.timestamp)}: ${format(r.value, lang)} ${unit}`)))) : null),
    h('section', { class: 'card' }, table));
  await drawChart(chart, view, report, previous, estimated);
}
