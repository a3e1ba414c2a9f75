// Webhooks (read-only): where the service sends change events, the organization's subscriptions with
// their state (enabled, failing since, disabled and why, next attempt) and each one's recent delivery
// attempts (listWebhooks, listWebhookAttempts; docs/webhooks.md). Managing them stays with the API.
import { h, show } from '../../portal/lib/dom.js';
import { t, tn, currentLanguage, formatDateTime } from '../../portal/lib/i18n.js';
import { format } from '../../portal/lib/decimal.js';
import { admin } from '../admin-api.js';

const ATTEMPTS = 20;

function state(s) {
  if (!s.enabled) return s.delivery?.disabled_reason ? `${t('console.webhooks.disabled')}: ${s.delivery.disabled_reason}` : t('console.webhooks.disabled');
  if (s.delivery?.failing_since) return t('console.webhooks.failing', { since: formatDateTime(s.delivery.failing_since) });
  return t('console.webhooks.healthy');
}

function attemptsTable(subscription, page, lang) {
  return h('table', { class: 'data dense stacking', id: `attempts-${subscription.id}` },
    h('caption', {}, tn('console.webhooks.attempts', page.hits, {}, format(String(page.hits), lang))),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('console.webhooks.attemptedAt')),
      h('th', { scope: 'col' }, t('console.webhooks.event')),
      h('th', { scope: 'col' }, t('console.webhooks.status')),
      h('th', { scope: 'col', class: 'num' }, t('console.webhooks.duration')),
      h('th', { scope: 'col' }, t('console.webhooks.error')))),
    h('tbody', {}, page.data.length ? page.data.map((a) => h('tr', { class: a.succeeded ? null : 'implausible' },
      h('th', { scope: 'row' }, formatDateTime(a.attempted_at)),
      h('td', { 'data-label': t('console.webhooks.event') }, a.event_type),
      h('td', { 'data-label': t('console.webhooks.status') }, a.succeeded ? `${a.status ?? ''} ${t('console.webhooks.delivered')}` : String(a.status ?? '—')),
      h('td', { class: 'num', 'data-label': t('console.webhooks.duration') }, `${format(String(a.duration_ms), lang)} ms`),
      h('td', { 'data-label': t('console.webhooks.error') }, a.error ?? a.response_excerpt ?? '')))
      : h('tr', {}, h('td', { colspan: 5 }, t('console.webhooks.noAttempts')))));
}

export async function webhooksView(main) {
  const lang = currentLanguage();
  const subscriptions = (await admin.webhooks()).data;
  const attempts = await Promise.all(subscriptions.map((s) => admin.webhookAttempts(s.id, { size: ATTEMPTS })));
  show(main,
    h('h1', {}, t('console.nav.webhooks')),
    h('p', { class: 'muted' }, t('console.webhooks.intro')),
    subscriptions.length ? null : h('section', { class: 'card' }, h('p', { id: 'webhooks-none' }, t('console.webhooks.none'))),
    ...subscriptions.map((s, i) => h('section', { class: 'card webhook', 'data-webhook': s.id },
      h('h2', {}, s.description || s.url),
      h('dl', { class: 'attrs' },
        h('dt', {}, t('console.webhooks.url')), h('dd', {}, s.url),
        h('dt', {}, t('console.webhooks.types')), h('dd', {}, s.event_types?.length ? s.event_types.join(', ') : t('console.webhooks.allTypes')),
        h('dt', {}, t('console.webhooks.state')), h('dd', { class: 'webhook-state' }, state(s)),
        // a disabled subscription delivers nothing until enabled again: no attempt is scheduled, whatever the field says
        ...(s.enabled ? [h('dt', {}, t('console.webhooks.next')),
          h('dd', { class: 'webhook-next' }, s.delivery?.next_attempt_at ? formatDateTime(s.delivery.next_attempt_at) : '—')] : []),
        h('dt', {}, t('console.webhooks.created')), h('dd', {}, formatDateTime(s.created_at))),
      h('div', { class: 'table-wrap' }, attemptsTable(s, attempts[i], lang)))));
}
