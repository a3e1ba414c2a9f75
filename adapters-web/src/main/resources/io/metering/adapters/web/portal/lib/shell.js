// The start the portal and the console share: their sign-in configuration, the language, and the
// listeners that redraw the page (language switch, hash routes, skip link).
import { preferredLanguage, useLanguage } from './i18n.js';

/** The hash route's decoded parts and its query ({@code #/a/b?x=1}). */
export function hashRoute() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search) };
}

/**
 * Wires the page and draws its first route.
 * @param onConfig receives config.json ({oidc}: the OpenID provider, or null) before the first route
 */
export async function startPage({ main, languageSelect, route, onConfig }) {
  languageSelect.addEventListener('change', async () => {
    await useLanguage(languageSelect.value, { remember: true });
    await route();
  });
  window.addEventListener('hashchange', route);
  document.querySelector('.skip').addEventListener('click', (event) => {
    event.preventDefault(); // the hash belongs to the routes
    main.focus();
  });
  try {
    onConfig(await (await fetch('config.json')).json());
  } catch {
    onConfig({ oidc: null });
  }
  await useLanguage(preferredLanguage());
  await route();
}
