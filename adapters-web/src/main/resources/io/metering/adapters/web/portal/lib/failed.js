// Why a request failed, in words a person can act on (not reachable, not signed in, no access, or the
// service's answer with its HTTP status), instead of a browser's or a runtime's own error text.
import { t } from './i18n.js';
import { ApiError, SignedOut, Unreachable } from './api.js';

/** The reason a request failed, as a sentence in the page's language. */
export function whyFailed(e) {
  if (e instanceof Unreachable) return t('failed.unreachable');
  if (e instanceof SignedOut) return t('failed.signedOut');
  if (e instanceof ApiError && e.status === 403) return t('failed.forbidden');
  if (e instanceof ApiError) {
    // the API's message where it gave one; ApiError falls back to "HTTP <status>", said once already
    const message = e.message && e.message !== `HTTP ${e.status}` ? e.message : e.reason;
    return message ? t('failed.answered', { status: e.status, message }) : t('failed.answeredBare', { status: e.status });
  }
  // the pages' own errors are plain Errors with words already (a counter not found); a runtime's are not shown
  if (e?.constructor === Error && e.message) return e.message;
  return t('failed.other');
}
