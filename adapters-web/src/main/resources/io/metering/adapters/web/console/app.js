// The back-office console's shell: sign-in with an admin token, the organization acted for, language,
// and the hash routes of its pages. It reuses the portal's lib/ modules.
//   #/meters?q=                  find a meter
//   #/meter/{meter}              a meter, its counters; edit, decommission
//   #/meter/{meter}/{counter}    readings of a counter: add, correct, delete, accept
//   #/{meter}/{counter}/consumption?view=&date=   the portal's consumption chart
//   #/changesets                 pending changesets of the organization
//   #/implausible                implausible readings of the organization
//   #/imports                    upload a file, follow the import job
//   #/webhooks                   webhook subscriptions and their recent deliveries (read-only)
import { h, show, status } from '../portal/lib/dom.js';
import { t, LANGUAGES, currentLanguage, useMessageSources } from '../portal/lib/i18n.js';
import { hashRoute, startPage } from '../portal/lib/shell.js';
import { acceptSignIn, claims, currentToken, sessionExpired, signIn, signOut } from '../portal/lib/session.js';
import { ApiError, SignedOut, useHeaders } from '../portal/lib/api.js';
import { searchView } from './views/search.js';
import { meterView } from './views/meter.js';
import { counterView } from './views/counter.js';
import { changesetsView } from './views/changesets.js';
import { implausibleView } from './views/implausible.js';
import { importsView } from './views/imports.js';
import { webhooksView } from './views/webhooks.js';
import { consumptionView } from '../portal/views/consumption.js';
import { admin, queueCount } from './admin-api.js';
import { whyFailed } from '../portal/lib/failed.js';

const ORG = 'metering.console.org';
const main = document.getElementById('main');
const account = document.getElementById('account');
const languageSelect = document.getElementById('language');
let config = { oidc: null };
let expired = false;

function signInView() {
  const lead = expired ? status(t('signin.expired'), 'warning') : null;
  const action = config.oidc
    ? h('p', {}, h('button', { type: 'button', class: 'button', id: 'sign-in', onclick: () => signIn(config) }, t('signin.button')))
    : h('p', { class: 'muted' }, t('console.signin.linkOnly'));
  show(main, h('section', { class: 'card narrow' }, h('h1', {}, t('signin.title')), lead, h('p', {}, t('console.signin.intro')), action));
  main.dataset.view = 'signin';
}

/** The organizations this token may act for: its own, then act_for_orgs. */
function organizations() {
  const c = claims(currentToken()) ?? {};
  const own = c.org_id ?? c['https://epilot.cloud/org_id'];
  return [own, ...(Array.isArray(c.act_for_orgs) ? c.act_for_orgs : [])].filter(Boolean);
}

function currentOrganization() {
  const orgs = organizations();
  const chosen = sessionStorage.getItem(ORG);
  return orgs.includes(chosen) ? chosen : orgs[0];
}

function renderChrome() {
  document.title = t('console.title');
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    const key = el.dataset.i18n;
    el.textContent = t(key.startsWith('app.') ? `console.${key.slice(4)}` : key);
  });
  languageSelect.replaceChildren(...LANGUAGES.map((l) => h('option', { value: l, selected: l === currentLanguage() }, t(`language.${l}`))));
  account.replaceChildren();
  if (!currentToken()) return;
  const orgs = organizations();
  const org = currentOrganization();
  useHeaders(orgs.length > 1 && org !== orgs[0] ? { 'x-ivy-org-id': org } : {});
  const picker = orgs.length > 1
    ? h('label', { class: 'org' }, h('span', { class: 'visually-hidden' }, t('console.org')),
      h('select', { id: 'organization', onchange: (e) => { sessionStorage.setItem(ORG, e.target.value); location.hash = '#/meters'; route(); } },
        orgs.map((o) => h('option', { value: o, selected: o === org }, o))))
    : h('span', { class: 'muted', id: 'organization' }, org);
  account.append(
    h('a', { href: '#/meters' }, t('console.nav.meters')),
    h('a', { href: '#/changesets', id: 'nav-changesets' }, t('console.nav.changesets')),
    h('a', { href: '#/implausible', id: 'nav-implausible' }, t('console.nav.implausible')),
    h('a', { href: '#/imports' }, t('console.nav.imports')),
    h('a', { href: '#/webhooks' }, t('console.nav.webhooks')),
    picker,
    h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: leave }, t('nav.signOut')));
  showQueueCounts();
}

/**
 * Each queue's count beside its link, from the API's count alone (size=0: counted by index, capped
 * at 1000, shown as "1000+" beyond), fetched after the page is drawn.
 */
async function showQueueCounts() {
  const queues = [['nav-changesets', 'changeset-count', admin.pendingChangesets, 'console.nav.changesets'],
    ['nav-implausible', 'implausible-count', admin.implausibleReadings, 'console.nav.implausible']];
  await Promise.all(queues.map(async ([linkId, countId, list, name]) => {
    try {
      const page = await list({ size: 0 });
      const link = document.getElementById(linkId);
      link?.querySelector('.count')?.remove();
      link?.append(h('span', { class: 'count', id: countId }, queueCount(page)));
      // the badge's number may be read out run together with the link's words ("Pending changesets2"): the link's
      // name says both, apart ("Pending changesets, 2"), as a hidden comma would not (Chromium reads "changesets , 2")
      link?.setAttribute('aria-label', `${t(name)}, ${queueCount(page)}`);
    } catch (e) {
      console.error(e); // the page itself reports refusals
    }
  }));
}

window.addEventListener('metering:queues-changed', showQueueCounts);

async function leave() {
  expired = false;
  if (!(await signOut(config))) {
    history.replaceState(null, '', `${location.pathname}#/`);
    route();
  }
}

function resolve(parts, params) {
  const [first, meter, counter] = parts;
  // the portal's consumption chart, with its own links of the same shape
  if (parts.length === 3 && counter === 'consumption') return ['consumption', () => consumptionView(main, first, meter, params)];
  if (first === 'meter' && counter) return ['counter', () => counterView(main, meter, counter, params)];
  if (first === 'meter' && meter) return ['meter', () => meterView(main, meter)];
  if (first === 'changesets') return ['changesets', () => changesetsView(main)];
  if (first === 'implausible') return ['implausible', () => implausibleView(main)];
  if (first === 'imports') return ['imports', () => importsView(main, params)];
  if (first === 'webhooks') return ['webhooks', () => webhooksView(main)];
  return ['meters', () => searchView(main, params)];
}

async function route() {
  try {
    await acceptSignIn(config);
  } catch (e) {
    console.error(e);
  }
  renderChrome();
  if (!currentToken()) {
    expired = expired || sessionExpired();
    signInView();
    return;
  }
  const { parts, params } = hashRoute();
  const [view, render] = resolve(parts, params);
  main.setAttribute('aria-busy', 'true');
  delete main.dataset.view;
  try {
    await render();
    main.dataset.view = view;
  } catch (e) {
    if (e instanceof SignedOut) {
      expired = true;
      renderChrome();
      signInView();
    } else if (e instanceof ApiError && e.status === 403) {
      show(main, h('h1', {}, t('console.forbidden.title')), status(t('console.forbidden.text'), 'error'));
      main.dataset.view = 'forbidden';
    } else {
      // why, in words (not reachable, the service's answer): never a browser's or runtime's raw text
      show(main, h('h1', {}, t('error.title')), status(`${t('error.text')} ${whyFailed(e)}`, 'error'));
      main.dataset.view = 'error';
      console.error(e);
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
}

useMessageSources(['../portal/messages/', 'messages/']);
startPage({ main, languageSelect, route, onConfig: (c) => { config = c; } });
