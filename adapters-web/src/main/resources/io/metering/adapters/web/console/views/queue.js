// What the console's queues share (pending changesets, implausible readings): run an action over
// the selected items one by one and report, and the keyboard that walks a queue: j / k next and
// previous, x select, and one key per action (a, d).
import { h, status } from '../../portal/lib/dom.js';
import { t, tn, currentLanguage } from '../../portal/lib/i18n.js';
import { format } from '../../portal/lib/decimal.js';
import { ApiError } from '../../portal/lib/api.js';
import { failure, tell } from './edit.js';

/**
 * What several at once came to: "Saved." when the one item was, "2 of 2 done." when every one of several
 * was (docs/console.md: the live region says how many were done), a single item's refusal as it is, else
 * how many were done and, item by item (named by `name`), which were refused and why.
 */
function outcome(targets, refused, name) {
  if (!refused.length && targets.length === 1) return status(t('console.edit.saved'), 'success');
  if (!refused.length) {
    const total = format(String(targets.length), currentLanguage());
    return status(tn('console.queue.done', targets.length, { done: total, total }, total), 'success');
  }
  if (targets.length === 1) return failure(refused[0].error);
  const lang = currentLanguage();
  // a list does not belong in a paragraph: this notice is a block of its own, announced as status() does an error
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', {}, tn('console.queue.refused', refused.length,
      { done: format(String(targets.length - refused.length), lang), total: format(String(targets.length), lang) },
      format(String(refused.length), lang))),
    h('ul', { class: 'refused' }, refused.map(({ item, error }) => {
      const why = failure(error);
      return h('li', { title: why.title || null }, h('span', { class: 'refused-item' }, name(item)), ': ', why.textContent);
    })));
}

/**
 * Runs `work` on each target in turn, on past a refusal, then redraws (`done`), so what was done
 * leaves the queue, and tells in the redrawn page's live region (`out`'s id) what was done and which
 * items were refused and why. Not being signed in any more or the service out of reach stops the run.
 */
export async function runAll(out, targets, work, done, name = () => '') {
  const refused = [];
  for (const item of targets) {
    try {
      await work(item);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      refused.push({ item, error });
    }
  }
  await done();
  tell(document.getElementById(out.id) ?? out, outcome(targets, refused, name));
}

/**
 * Text whose lines may break only between words: each word is kept whole (a hyphen, as in
 * "demo-customer" or "feed-out", is no break point), so identifiers and terms never split inside.
 */
export function words(text) {
  const parts = String(text ?? '').split(/\s+/).filter(Boolean);
  return parts.flatMap((word, i) => [i ? ' ' : null, h('span', { class: 'word' }, word)]);
}

/**
 * What an empty queue shows instead of its actions, legend and table: the one text saying so, and the
 * queue's live region (`resultId`, empty until told), so the outcome of the action that emptied it is said.
 */
export function emptyQueue(id, text, resultId) {
  return [h('div', { 'aria-live': 'polite', id: resultId }), h('p', { class: 'empty-queue', id }, text)];
}

/** A row's selection box; `boxes` keeps it by the item's key. */
export function selectBox(boxes, key) {
  const box = h('input', { type: 'checkbox', 'aria-label': t('console.changeset.select') });
  boxes.set(key, box);
  return box;
}

/** Enables `buttons` (the actions on the selection) only while a row is selected. */
export function enableWithSelection(boxes, buttons) {
  const update = () => {
    const any = [...boxes.values()].some((box) => box.checked);
    buttons.forEach((button) => { button.disabled = !any; });
  };
  boxes.forEach((box) => box.addEventListener('change', update));
  update();
}

/** Where typing goes: the queue's keys stay out of form fields (a row's checkbox still takes x). */
const typing = (target) => ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable;

/**
 * Makes a queue table walkable by keyboard while its page is shown: the keys are heard on the whole
 * document, so j works at once (focus starts on the page's heading), but not while focus is in a form
 * field. `actions` maps a key to what it does with the focused item; `onFocus` hears of each newly
 * focused item. Returns focusRow(i) for the "Work the queue" button.
 */
export function walkable(table, rows, items, boxes, keyOf, actions, onFocus = () => {}) {
  let cursor = -1;
  const focusRow = (i) => {
    if (!rows.length) return;
    cursor = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, j) => r.classList.toggle('selected', j === cursor));
    rows[cursor].focus();
    onFocus(items[cursor]);
  };
  const onKey = (event) => {
    // the view was replaced (another page, or this one reloaded): its keys go with it
    if (!table.isConnected) {
      document.removeEventListener('keydown', onKey);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const rowBox = event.target.type === 'checkbox' && table.contains(event.target);
    if (typing(event.target) && !(rowBox && event.key === 'x')) return;
    const current = items[cursor];
    const keys = {
      j: () => focusRow(cursor + 1),
      k: () => focusRow(cursor - 1),
      x: () => { if (current) boxes.get(keyOf(current)).click(); },
      ...Object.fromEntries(Object.entries(actions).map(([key, act]) => [key, () => current && act(current)])),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  };
  document.addEventListener('keydown', onKey);
  return focusRow;
}
