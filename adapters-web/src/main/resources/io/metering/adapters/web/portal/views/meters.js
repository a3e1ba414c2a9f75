// My meters: every meter the customer may see (getCustomerMeters), each counter with its last
// reading, today's forecast and the consumption since the last reading that the forecast implies.
import { api } from '../lib/api.js';
import { h, show, status } from '../lib/dom.js';
import { t, currentLanguage, formatDateTime, formatDate } from '../lib/i18n.js';
import { format, isDecimal } from '../lib/decimal.js';
import { forecastOf, FORECAST_HORIZON_DAYS } from '../lib/forecast.js';
import { closingOf, closingDateOptions } from '../lib/closing.js';
import { meterTitle, sectorLabel, directionLabel, tariffLabel, unitLabel } from '../lib/labels.js';

const SECTORS = ['power', 'gas', 'water', 'district_heating', 'waste_water'];

function fact(label, ...value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, ...value));
}

/** A value with its unit, never broken inside (the value may wrap away from its label); digits rounds estimates. */
function quantity(value, unit, digits) {
  return isDecimal(value) ? h('span', { class: 'qty' }, `${format(value, currentLanguage(), digits)}\u00a0${unitLabel(unit)}`.trim()) : '—';
}

function counterItem(meter, counter) {
  const base = `#/${encodeURIComponent(meter._id)}/${encodeURIComponent(counter._id)}`;
  const last = counter.last_reading
    ? [quantity(counter.current_consumption, counter.unit), h('span', { class: 'when' }, formatDateTime(counter.last_reading))]
    : [t('meters.noReading')];
  const facts = [fact(t('meters.lastReading'), ...last)];
  const forecast = forecastOf(meter, counter);
  if (forecast?.stale) {
    facts.push(fact(t('meters.forecastTitle'), h('span', { class: 'stale' }, t('meters.noRecent', { days: FORECAST_HORIZON_DAYS }))));
  } else if (forecast) {
    facts.push(fact(t('meters.forecast', { date: formatDate(counter.forecast_as_of) }), '≈\u00a0', quantity(forecast.value, counter.unit, forecast.digits)));
    if (forecast.since !== null) {
      facts.push(fact(t(counter.direction === 'feed-in' ? 'meters.sinceLastFeedIn' : 'meters.sinceLast'),
        '≈\u00a0', quantity(forecast.since, counter.unit, forecast.digits)));
    }
  }
  return h('li', { class: 'counter' },
    h('h3', {}, counter._title || counter.obis_number || t('sector.other')),
    h('p', { class: 'muted small' }, [counter.obis_number && `OBIS ${counter.obis_number}`, directionLabel(counter.direction),
      tariffLabel(counter.tariff_type), unitLabel(counter.unit)].filter(Boolean).join(' · ')),
    h('dl', { class: 'stats' }, facts),
    h('p', { class: 'links' },
      h('a', { href: `${base}/consumption` }, t('nav.consumption')),
      h('a', { href: `${base}/readings` }, t('nav.readings'))));
}

/**
 * Where the meter is: the contract has no field for it, so the operator's free attributes say it,
 * `location` as text or `address` as {street, street_number, postal_code, city}.
 */
function location(meter) {
  if (typeof meter.location === 'string' && meter.location.trim()) return meter.location.trim();
  const a = meter.address;
  if (!a || typeof a !== 'object') return null;
  const street = [a.street, a.street_number].filter(Boolean).join(' ');
  const city = [a.postal_code, a.city].filter(Boolean).join(' ');
  return [street, city].filter(Boolean).join(', ') || null;
}

function meterCard(meter, counters) {
  const sector = SECTORS.includes(meter.sector) ? meter.sector : 'other';
  const headingId = `meter-${meter._id}`;
  const facts = [fact(t('meters.number'), meter.meter_number ?? '—')];
  if (meter.ma_lo_id) facts.push(fact(t('meters.malo'), meter.ma_lo_id));
  const place = location(meter);
  if (place) facts.push(fact(t('meters.location'), place));
  // past its decommissioned_at a meter is removed whatever its status says (the service takes no more readings)
  const closing = closingOf(meter);
  const on = closing.at ? formatDate(closing.at, closingDateOptions(closing.at)) : null;
  if (closing.closed) facts.push(fact(t('meters.status'), on ? t('meters.removedOn', { date: on }) : t('meters.decommissioned')));
  else if (on) facts.push(fact(t('meters.status'), t('meters.removalPlanned', { date: on })));
  return h('li', { class: 'card meter', 'data-meter': meter._id },
    h('article', { 'aria-labelledby': headingId },
      h('header', { class: 'card-head' },
        h('img', { src: `icons/${sector}.svg`, alt: '', width: 32, height: 32, class: 'sector-icon' }),
        h('div', {},
          h('h2', { id: headingId }, meterTitle(meter) || meter.meter_number || sectorLabel(sector)),
          h('p', { class: 'muted' }, sectorLabel(sector)))),
      h('dl', { class: 'facts' }, facts),
      h('ul', { class: 'counters' }, counters.map((c) => counterItem(meter, c))),
      closing.closed
        ? null
        : h('p', {}, h('a', { class: 'button', href: `#/${encodeURIComponent(meter._id)}/submit` }, t('meters.submit')))));
}

export async function metersView(main) {
  const meters = (await api.meters()).data;
  const counters = await Promise.all(meters.map((m) => api.counters(m._id).then((r) => r.data)));
  show(main,
    h('h1', {}, t('meters.title')),
    meters.length === 0
      ? status(t('meters.none'))
      : h('ul', { class: 'cards' }, meters.map((m, i) => meterCard(m, counters[i]))));
}
