// Who is signed in: a bearer token kept in sessionStorage only (never a cookie or localStorage), from
// a development sign-in link (#token=... in the URL fragment, which never reaches the server and is
// removed from the address bar at once) or from the OpenID provider (authorization code flow with
// PKCE through oidc-client-ts).

// the portal and the staff console share these modules but never a token
const APP = location.pathname.split('/')[1] || 'portal';
const TOKEN = `metering.${APP}.token`;
const VIA = `metering.${APP}.via`;
let manager = null;
let expiredSeen = false;

/** The claims of a JWT, without verifying it (the API verifies); null when it is no JWT. */
export function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')));
  } catch {
    return null;
  }
}

/** The token when there is one and it has not expired yet. */
export function currentToken(now = Date.now()) {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return null;
  const c = claims(token);
  if (!c || (typeof c.exp === 'number' && c.exp * 1000 <= now)) {
    sessionStorage.removeItem(TOKEN);
    expiredSeen = true;
    return null;
  }
  return token;
}

function keep(token, via) {
  sessionStorage.setItem(TOKEN, token);
  sessionStorage.setItem(VIA, via);
}

/** Loads oidc-client-ts (only when a provider is configured) and makes its user manager. */
async function userManager(oidc) {
  if (manager) return manager;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    // relative to this module (/portal/lib/), not to the page: the console at /console/ loads it from /portal/ too
    script.src = new URL('../vendor/oidc-client-ts/3.5.0/oidc-client-ts.min.js', import.meta.url).href;
    script.onload = resolve;
    script.onerror = () => reject(new Error('oidc-client-ts did not load'));
    document.head.append(script);
  });
  const base = `${location.origin}${location.pathname}`;
  manager = new window.oidc.UserManager({
    authority: oidc.issuer,
    client_id: oidc.client_id,
    redirect_uri: base,
    post_logout_redirect_uri: base,
    response_type: 'code',
    scope: 'openid',
    userStore: new window.oidc.WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new window.oidc.WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
  });
  return manager;
}

/**
 * Takes a token handed over in the address: a development link's fragment, or the provider's
 * answer (?code=...&state=...) to a sign-in. Either is removed from the address bar.
 */
export async function acceptSignIn(config) {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has('token')) {
    keep(fragment.get('token'), 'link');
    history.replaceState(null, '', `${location.pathname}#/meters`);
    return;
  }
  const query = new URLSearchParams(location.search);
  if (config.oidc && query.has('state') && (query.has('code') || query.has('error'))) {
    try {
      const user = await (await userManager(config.oidc)).signinRedirectCallback();
      keep(user.access_token, 'oidc');
    } finally {
      history.replaceState(null, '', `${location.pathname}#/meters`);
    }
  }
}

/** Sends the customer to the OpenID provider. */
export async function signIn(config) {
  await (await userManager(config.oidc)).signinRedirect();
}

/** Forgets the token; after a provider sign-in, ends the provider's session too where it offers that. */
export async function signOut(config) {
  const via = sessionStorage.getItem(VIA);
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(VIA);
  if (via === 'oidc' && config.oidc) {
    const m = await userManager(config.oidc);
    try {
      await m.signoutRedirect(); // forgets the user too, after taking its id token as the hint
      return true;
    } catch {
      // the provider offers no end_session_endpoint: signing out here is all there is
      await m.removeUser();
    }
  }
  return false;
}

/** Whether a token was dropped because it had expired (the sign-in page then says so). */
export function sessionExpired() {
  return expiredSeen;
}

/** Forgets an expired or refused token. */
export function expire() {
  sessionStorage.removeItem(TOKEN);
}
