// The service writes one reading as a batch of one, so its refusal names the reading as the batch's
// first item ("readings[0]: value 5 is below ..."). Staff who add, correct, accept or delete one
// reading, or apply one proposal, have no batch in front of them: the index would only puzzle them.
import { h, status } from '../../portal/lib/dom.js';
import { t } from '../../portal/lib/i18n.js';
import { format } from '../../portal/lib/decimal.js';

/**
 * The API's message without the leading `readings[0]` of a one-reading write; a field path after it
 * stays (`readings[0].value: ...` reads `value: ...`). Any other message is returned as it is.
 */
export function withoutBatchIndex(message) {
  return String(message ?? '').replace(/^readings\[0\](?::\s*|\.(?=\S))/, '');
}

/** What a typed value that is no number gets: the portal's words, with an example in the page's language. */
export const notANumber = (lang) => t('submit.notANumber', { example: format('12345.6', lang) });

/**
 * What a stored reading's write answers: "Saved.", or, where the service stored it as `implausible`
 * (a slip far above the expected value, docs/api.md), that it was saved so marked and what that means.
 */
export function savedNotice(reading) {
  if (reading?.status !== 'implausible') return status(t('console.edit.saved'), 'success');
  return h('div', { class: 'notice notice-warning', role: 'status', id: 'saved-implausible' },
    h('p', {}, h('strong', {}, t('console.reading.savedImplausible'))), h('p', {}, t('console.reading.implausibleMeans')));
}
