// Find a meter by MaLo id, meter number, customer or contract id; results narrow as you type. The
// server searches (the admin meter list's q: MaLo id or meter number prefix, or a whole id), so the
// page never holds more than one page of meters, however many the organization has.
import { h, show } from '../../portal/lib/dom.js';
import { t, tn, currentLanguage } from '../../portal/lib/i18n.js';
import { format } from '../../portal/lib/decimal.js';
import { sectorLabel } from '../../portal/lib/labels.js';
import { admin } from '../admin-api.js';
import { meterStatus } from './codes.js';
import { whyFailed } from '../../portal/lib/failed.js';

const PAGE = 50;
const PAUSE_MS = 200;

/**
 * A meter's sector in words; where none is set, a dash that is read out as "not set": the portal's
 * generic word for a meter ("Meter") would pass for a sector the meter does not have.
 */
function sectorCell(sector) {
  if (sector) return sectorLabel(sector);
  return h('span', { class: 'not-set' }, h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, t('console.notSet')));
}

/** The entity ids of a relation attribute ({$relation: [{entity_id}]}). */
export const relationIds = (relation) => (relation?.$relation ?? []).map((r) => r.entity_id);

export async function searchView(main, params) {
  const input = h('input', { type: 'search', id: 'meter-search', autocomplete: 'off', value: params.get('q') ?? '' });
  const body = h('tbody');
  const caption = h('caption', { class: 'visually-hidden' });
  const summary = h('p', { class: 'muted', id: 'search-summary', 'aria-live': 'polite' });
  let asked = 0;
  const render = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    const page = await admin.meters({ q: q || undefined, size: PAGE });
    if (mine !== asked) return; // a later keystroke's answer wins
    summary.classList.remove('failed');
    history.replaceState(null, '', `#/meters${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    const found = tn('console.search.found', page.hits, {}, format(String(page.hits), currentLanguage()));
    caption.textContent = found;
    summary.textContent = page.hits > page.data.length
      ? `${found} · ${t('console.queue.shown', { shown: page.data.length, count: page.hits })}` : found;
    body.replaceChildren(...(page.data.length ? page.data.map((m) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/meter/${encodeURIComponent(m._id)}` }, m.meter_number || m._id)),
      h('td', { 'data-label': t('meters.malo') }, m.ma_lo_id ?? ''),
      h('td', { 'data-label': t('console.sector') }, sectorCell(m.sector)),
      h('td', { 'data-label': t('console.customer') }, relationIds(m.customer).join(', ')),
      h('td', { 'data-label': t('meters.status') }, meterStatus(m)))) : [h('tr', {}, h('td', { colspan: 5 }, t('console.search.none')))]));
  };
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // a failed search says why in words (not reachable, not signed in, ...), never the browser's error text
    timer = setTimeout(() => render().catch((e) => {
      summary.textContent = t('console.search.failed', { why: whyFailed(e) });
      summary.classList.add('failed');
    }), PAUSE_MS);
  });
  await render();
  show(main,
    h('h1', {}, t('console.search.title')),
    h('section', { class: 'card' },
      h('div', { class: 'toolbar' }, h('label', { for: 'meter-search' }, t('console.search.label'), input)),
      summary,
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
