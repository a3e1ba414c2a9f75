// Shared pieces of the console's pages: attribute lists, a JSON edit form for the admin PATCH
// operations, and refusals shown with the API's reason.
import { h, status } from '../../portal/lib/dom.js';
import { t, currentLanguage } from '../../portal/lib/i18n.js';
import { ApiError } from '../../portal/lib/api.js';
import { parse, stringify } from '../../portal/lib/json.js';
import { coded } from './codes.js';
import { withoutBatchIndex } from './one-reading.js';
import { quoted } from './readable.js';

/**
 * A refusal as a notice: what the documented reason means in the console's language
 * (`console.reason.<reason>`; English has none, the API's own message says it), then the API's
 * message, which names the values and instants involved, then the reason itself. Every write of the
 * console is of one reading (or a meter, a counter, a file), so the message is shown without the
 * batch index the service puts before a one-reading write's refusal; on an English page with its values
 * and instants as the page shows them elsewhere, in German as the service wrote them (views/readable.js
 * quoted()); the API's own words stay in the title
 * wherever the text differs from them.
 */
export function failure(e) {
  if (!(e instanceof ApiError)) throw e;
  const key = `console.reason.${e.reason}`;
  const known = e.reason && t(key) !== key;
  const message = withoutBatchIndex(e.message);
  const shown = quoted(message, currentLanguage());
  // the meaning alone would keep the figures that explain a refusal (which value, which reading, when) in the tooltip
  const text = known && shown ? t('console.refusal.explained', { meaning: t(key), message: shown }) : known ? t(key) : shown;
  const notice = status(`${text} (${e.reason ?? e.status})`, 'error');
  if (message && text !== message) notice.title = message;
  return notice;
}

/**
 * Puts a row action's outcome into the page's live region above the table and scrolls it into view:
 * the row acted on may lie far below it, where a refusal shown only up there would go unseen.
 */
export function tell(out, notice) {
  out.replaceChildren(notice);
  notice.scrollIntoView({ block: 'nearest' });
}

/**
 * An object's attributes as a definition list; nested values as JSON (numbers kept exact). The
 * attributes named in `codes` hold enumeration codes: shown by their label, the code as title; a
 * function in `codes` draws its attribute's value itself (a structure of codes, as reading_governance).
 */
export function attributes(object, skip = [], codes = {}) {
  const entries = Object.entries(object).filter(([k]) => !skip.includes(k));
  const relation = (r) => (r._slug ? [coded('relation', r._slug), ` ${r.entity_id}`] : r.entity_id);
  const shown = (k, v) => {
    if (typeof codes[k] === 'function') return codes[k](v);
    if (codes[k] && (typeof v === 'string' || typeof v === 'number')) return coded(codes[k], v);
    if (Array.isArray(v?.$relation)) return v.$relation.flatMap((r, i) => [i ? ', ' : null, relation(r)]);
    return v !== null && typeof v === 'object' ? stringify(v) : String(v ?? '');
  };
  return h('dl', { class: 'attrs' }, entries.map(([k, v]) => [h('dt', {}, k), h('dd', {}, shown(k, v))]));
}

/**
 * A form that PATCHes the changes typed as JSON ({"attribute": value, "other": null}); values are
 * parsed keeping each number's source text, so a reading or threshold is sent as typed.
 */
export function editForm(id, label, save, done) {
  const area = h('textarea', { class: 'json', id: `${id}-changes`, spellcheck: 'false' }, '{\n  \n}');
  const out = h('div', { 'aria-live': 'polite' });
  const submit = async (event) => {
    event.preventDefault();
    out.replaceChildren();
    let changes;
    try {
      changes = parse(area.value);
    } catch {
      out.append(status(t('console.edit.notJson'), 'error'));
      return;
    }
    try {
      await save(changes);
      out.append(status(t('console.edit.saved'), 'success'));
      await done();
    } catch (e) {
      out.append(failure(e));
    }
  };
  return h('details', { class: 'edit' }, h('summary', {}, label),
    h('form', { id, onsubmit: submit },
      h('label', { for: `${id}-changes` }, t('console.edit.hint')), area,
      h('p', {}, h('button', { type: 'submit', class: 'button' }, t('console.edit.save'))), out));
}
