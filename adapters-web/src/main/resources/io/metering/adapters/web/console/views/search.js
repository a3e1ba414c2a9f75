// Find a meter by MaLo id, meter number, customer or contract id; results narrow as you type.
import { h, show } from '../../portal/lib/dom.js';
import { t } from '../../portal/lib/i18n.js';
import { sectorLabel } from '../../portal/lib/labels.js';
import { allMeters } from '../admin-api.js';

const KEYS = ['ma_lo_id', 'meter_number', '_id', 'me_lo_id'];

/** The entity ids of a relation attribute ({$relation: [{entity_id}]}). */
export const relationIds = (relation) => (relation?.$relation ?? []).map((r) => r.entity_id);

function matches(meter, q) {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [...KEYS.map((k) => meter[k]), ...relationIds(meter.customer), ...relationIds(meter.contract)]
    .some((v) => String(v ?? '').toLowerCase().includes(needle));
}

export async function searchView(main, params) {
  const meters = await allMeters();
  const input = h('input', { type: 'search', id: 'meter-search', autocomplete: 'off', value: params.get('q') ?? '' });
  const body = h('tbody');
  const caption = h('caption', { class: 'visually-hidden' });
  const render = () => {
    const q = input.value.trim();
    const found = meters.filter((m) => matches(m, q));
    caption.textContent = t('console.search.found', { count: found.length });
    body.replaceChildren(...(found.length ? found.slice(0, 200).map((m) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/meter/${encodeURIComponent(m._id)}` }, m.meter_number || m._id)),
      h('td', { 'data-label': t('meters.malo') }, m.ma_lo_id ?? ''),
      h('td', { 'data-label': t('console.sector') }, sectorLabel(m.sector)),
      h('td', { 'data-label': t('console.customer') }, relationIds(m.customer).join(', ')),
      h('td', { 'data-label': t('meters.status') }, m.status ?? ''))) : [h('tr', {}, h('td', { colspan: 5 }, t('console.search.none')))]));
  };
  input.addEventListener('input', render);
  render();
  show(main,
    h('h1', {}, t('console.search.title')),
    h('section', { class: 'card' },
      h('div', { class: 'toolbar' }, h('label', { for: 'meter-search' }, t('console.search.label'), input)),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data dense stacking', id: 'meters' }, caption,
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('meters.number')),
          h('th', { scope: 'col' }, t('meters.malo')),
          h('th', { scope: 'col' }, t('console.sector')),
          h('th', { scope: 'col' }, t('console.customer')),
          h('th', { scope: 'col' }, t('meters.status')))),
        body))));
  input.focus();
}
