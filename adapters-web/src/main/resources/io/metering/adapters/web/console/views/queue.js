// What the console's queues share (pending changesets, implausible readings): run an action over
// the selected items one by one and report, and the keyboard that walks a queue: j / k next and
// previous, x select, and one key per action (a, d).
import { h, status } from '../../portal/lib/dom.js';
import { t } from '../../portal/lib/i18n.js';
import { failure } from './edit.js';

/** Runs `work` on each target in turn; shows "Saved." or the first refusal in `out`, then `done`. */
export async function runAll(out, targets, work, done) {
  try {
    for (const item of targets) await work(item);
    out.replaceChildren(status(t('console.edit.saved'), 'success'));
    await done();
  } catch (e) {
    out.replaceChildren(failure(e));
  }
}

/** A row's selection box; `boxes` keeps it by the item's key. */
export function selectBox(boxes, key) {
  const box = h('input', { type: 'checkbox', 'aria-label': t('console.changeset.select') });
  boxes.set(key, box);
  return box;
}

/**
 * Makes a queue table walkable by keyboard. `actions` maps a key to what it does with the focused
 * item; `onFocus` hears of each newly focused item. Returns focusRow(i) for the "Work the queue" button.
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
  table.addEventListener('keydown', (event) => {
    if (event.target.tagName === 'INPUT' && event.key !== 'x') return;
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
  });
  return focusRow;
}
