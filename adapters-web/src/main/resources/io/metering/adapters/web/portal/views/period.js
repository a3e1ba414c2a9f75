// The windows of the consumption chart, as calendar dates (YYYY-MM-DD) of the browser's time zone.

const pad = (n) => String(n).padStart(2, '0');
export const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const fromIso = (text) => {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y, m - 1, d);
};

/** What each view shows: the API interval of its bars and how far back its comparison lies. */
export const VIEWS = {
  week: { interval: 'day', compare: { days: -7 } },
  month: { interval: 'day', compare: { years: -1 } },
  year: { interval: 'month', compare: { years: -1 } },
  years: { interval: 'year', compare: null },
};

function shift(date, { days = 0, months = 0, years = 0 }) {
  const d = new Date(date.getFullYear() + years, date.getMonth() + months, 1);
  // keep the day, or the month's last day when it has fewer (31 March minus a month is 28/29 February)
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  return new Date(d.getFullYear(), d.getMonth(), Math.min(date.getDate(), last) + days);
}

/** The first and last day (inclusive) of the view's window that holds the anchor date. */
export function windowOf(view, anchor) {
  const a = fromIso(anchor);
  switch (view) {
    case 'week': {
      const monday = new Date(a.getFullYear(), a.getMonth(), a.getDate() - ((a.getDay() + 6) % 7));
      return { start: iso(monday), end: iso(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6)) };
    }
    case 'month':
      return { start: iso(new Date(a.getFullYear(), a.getMonth(), 1)), end: iso(new Date(a.getFullYear(), a.getMonth() + 1, 0)) };
    case 'year':
      return { start: `${a.getFullYear()}-01-01`, end: `${a.getFullYear()}-12-31` };
    default:
      return { start: `${a.getFullYear() - 9}-01-01`, end: `${a.getFullYear()}-12-31` };
  }
}

/** The anchor of the window before (-1) or after (+1). */
export function step(view, anchor, direction) {
  const by = { week: { days: 7 }, month: { months: 1 }, year: { years: 1 }, years: { years: 10 } }[view];
  return iso(shift(fromIso(anchor), Object.fromEntries(Object.entries(by).map(([k, v]) => [k, v * direction]))));
}

/** The comparison window's anchor (the same month a year before, the week before), or null. */
export function comparisonAnchor(view, anchor) {
  const by = VIEWS[view].compare;
  return by ? iso(shift(fromIso(anchor), by)) : null;
}
