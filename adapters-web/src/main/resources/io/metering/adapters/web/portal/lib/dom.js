// A few helpers to build the page with the DOM (no framework, no inline markup strings).

/** An element with attributes (class, aria-*, data-*, on* handlers) and children (nodes or text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    // an empty text adds no node: a cell without a value stays :empty, and a phone's stacked card hides it
    if (c === undefined || c === null || c === false || c === '') continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let shownBefore = false;

/**
 * Replaces the main region's content and, from the second page on, moves focus to its heading so
 * screen readers announce the new page; the first page keeps the browser's own start, where the
 * first Tab reaches the skip link.
 */
export function show(main, ...children) {
  main.replaceChildren(...children.flat(Infinity).filter(Boolean));
  const heading = main.querySelector('h1');
  const first = !shownBefore;
  shownBefore = true;
  if (heading && !first) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
}

/** A live status line that screen readers read out when it changes. */
export function status(text, kind = 'info') {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
