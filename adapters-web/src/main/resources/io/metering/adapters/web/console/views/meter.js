// A meter: attributes, relations, contract periods, governance, counters with their last readings;
// edit meter and counters (admin PATCH), decommission.
import { h, show } from '../../portal/lib/dom.js';
import { t, currentLanguage, formatDateTime } from '../../portal/lib/i18n.js';
import { format, isDecimal } from '../../portal/lib/decimal.js';
import { counterLabel, unitLabel } from '../../portal/lib/labels.js';
import { admin } from '../admin-api.js';
import { attributes, editForm, failure } from './edit.js';
import { METER_CODES, meterStatus } from './codes.js';
import { closingOf } from '../../portal/lib/closing.js';
import { governance } from './governance.js';

export async function meterView(main, meterId) {
  const [{ data: meter }, counters] = await Promise.all([admin.meter(meterId), admin.counters(meterId)]);
  const lang = currentLanguage();
  const reload = () => meterView(main, meterId);
  // closed past its decommissioned_at whatever the status says: nothing left to decommission
  const closing = closingOf(meter);
  const out = h('div', { 'aria-live': 'polite' });
  const decommission = h('button', { type: 'button', class: 'button secondary', id: 'decommission' }, t('console.meter.decommission'));
  decommission.addEventListener('click', async () => {
    if (!window.confirm(t('console.meter.decommissionConfirm'))) return;
    try {
      await admin.updateMeter(meterId, { status: 'decommissioned' });
      await reload();
    } catch (e) {
      out.replaceChildren(failure(e));
    }
  });
  const list = (counters.data ?? counters).map((c) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/meter/${encodeURIComponent(meterId)}/${encodeURIComponent(c._id)}` }, counterLabel(c))),
    h('td', { 'data-label': t('console.counter.obis') }, c.obis_number ?? ''),
    // the contract's counter carries the last reading as current_consumption (its value) and last_reading (its instant)
    h('td', { class: 'num', 'data-label': t('meters.lastReading') },
      isDecimal(c.current_consumption) ? `${format(c.current_consumption, lang)} ${unitLabel(c.unit)}` : '—'),
    h('td', { 'data-label': t('readings.time') }, c.last_reading ? formatDateTime(c.last_reading) : ''),
    h('td', {}, editForm(`counter-${c._id}`, t('console.counter.edit'), (changes) => admin.updateCounter(c._id, changes), reload))));
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/meters' }, t('console.nav.meters'))),
    h('h1', {}, `${t('console.meter.title')} ${meter.meter_number ?? meter._id}`),
    closing.closed || closing.at
      ? h('p', { class: `notice notice-${closing.closed ? 'warning' : 'info'}`, role: 'status', id: 'meter-closing' }, meterStatus(meter)) : null,
    h('section', { class: 'card', id: 'meter-attributes' }, h('h2', {}, t('console.meter.attributes')),
      attributes(meter, ['last_reading', 'current_consumption'], { ...METER_CODES, reading_governance: governance, status: () => meterStatus(meter) }),
      editForm('meter-edit', t('console.meter.edit'), (changes) => admin.updateMeter(meterId, changes), reload),
      closing.closed ? null : h('p', {}, decommission), out),
    h('section', { class: 'card' }, h('h2', {}, t('console.meter.counters')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data dense stacking', id: 'counters' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('console.counter.name')),
          h('th', { scope: 'col' }, t('console.counter.obis')),
          h('th', { scope: 'col', class: 'num' }, t('meters.lastReading')),
          h('th', { scope: 'col' }, t('readings.time')),
          h('th', { scope: 'col' }, t('console.counter.edit')))),
        h('tbody', {}, list)))));
}
