// The customer portal's shell: sign-in, language, and the hash routes of its pages.
//   #/meters                               my meters
//   #/{meter}/submit                       submit a reading
//   #/{meter}/{counter}/consumption?view=&date=   my consumption
//   #/{meter}/{counter}/readings?page=     my readings
import { h, show, status } from './lib/dom.js';
import { t, LANGUAGES, currentLanguage } from './lib/i18n.js';
import { hashRoute, startPage } from './lib/shell.js';
import { acceptSignIn, currentToken, sessionExpired, signIn, signOut } from './lib/session.js';
import { SignedOut } from './lib/api.js';
import { metersView } from './views/meters.js';
import { submitView } from './views/submit.js';
import { consumptionView } from './views/consumption.js';
import { readingsView } from './views/readings.js';

const main = document.getElementById('main');
const account = document.getElementById('account');
const languageSelect = document.getElementById('language');
let config = { oidc: null };
let expired = false;
let signInFailure = null;

async function startSignIn() {
  try {
    await signIn(config);
  } catch (e) {
    // the provider is unreachable or misconfigured: say so instead of doing nothing
    console.error(e);
    main.querySelector('.notice-error')?.remove();
    main.querySelector('section').append(status(`${t('signin.failed')} (${e.message})`, 'error'));
  }
}

function signInView() {
  const lead = signInFailure ? status(`${t('signin.failed')} (${signInFailure})`, 'error')
    : expired ? status(t('signin.expired'), 'warning') : null;
  signInFailure = null;
  const action = config.oidc
    ? h('p', {}, h('button', { type: 'button', class: 'button', id: 'sign-in', onclick: startSignIn }, t('signin.button')))
    : h('p', { class: 'muted' }, t('signin.linkOnly'));
  show(main, h('section', { class: 'card narrow' }, h('h1', {}, t('signin.title')), lead, h('p', {}, t('signin.intro')), action));
  main.dataset.view = 'signin';
}

function renderChrome() {
  document.title = t('app.title');
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  languageSelect.replaceChildren(...LANGUAGES.map((l) => h('option', { value: l, selected: l === currentLanguage() }, t(`language.${l}`))));
  account.replaceChildren();
  if (currentToken()) {
    account.append(h('a', { href: '#/meters' }, t('nav.meters')),
      h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: leave }, t('nav.signOut')));
  }
}

async function leave() {
  expired = false;
  const redirected = await signOut(config);
  if (!redirected) {
    history.replaceState(null, '', `${location.pathname}#/`);
    route();
  }
}

/** The page a route names, and how to draw it. */
function resolve(parts, params) {
  const [meter, counter, page] = parts;
  if (parts.length === 2 && counter === 'submit') return ['submit', () => submitView(main, meter)];
  if (parts.length === 3 && page === 'consumption') return ['consumption', () => consumptionView(main, meter, counter, params)];
  if (parts.length === 3 && page === 'readings') return ['readings', () => readingsView(main, meter, counter, params)];
  return ['meters', () => metersView(main)];
}

async function route() {
  try {
    await acceptSignIn(config); // a sign-in link opened in a tab that already shows the portal changes only the hash
  } catch (e) {
    console.error(e);
    signInFailure = e.message; // e.g. the provider refused: shown on the sign-in page
  }
  renderChrome();
  if (!currentToken()) {
    expired = expired || sessionExpired();
    signInView();
    return;
  }
  const { parts, params } = hashRoute();
  main.setAttribute('aria-busy', 'true');
  delete main.dataset.view;
  const [view, render] = resolve(parts, params);
  try {
    await render();
    main.dataset.view = view;
    expired = false;
  } catch (e) {
    if (e instanceof SignedOut) {
      expired = true;
      renderChrome();
      signInView();
    } else {
      show(main, h('h1', {}, t('error.title')), status(t('error.text'), 'error'), h('p', {}, h('a', { href: '#/meters' }, t('nav.meters'))));
      console.error(e);
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
}

startPage({ main, languageSelect, route, onConfig: (c) => { config = c; } });
