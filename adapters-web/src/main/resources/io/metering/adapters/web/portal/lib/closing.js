// Whether a meter is still in service, as the service judges it (docs/domain.md "Decommissioned
// meters"): its decommissioned_at closes it whatever its status says, so an `active` meter past that
// instant takes no more readings and must not read "in operation"; one whose instant lies ahead is a
// planned closing and still in service until then.

/** The zone in which a decommissioned_at given as a date ends (the service's business day). */
export const BUSINESS_ZONE = 'Europe/Berlin';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a decommissioned_at is a date alone (closing at the end of that business day). */
export const isDateOnly = (at) => typeof at === 'string' && DATE_ONLY.test(at);

/** The calendar date (yyyy-mm-dd) of `now` in `zone`. */
function dateIn(now, zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A meter's closing at `now`: {closed, at}, `at` its decommissioned_at where it has a readable one
 * (else null). Closed when decommissioned, or past that instant (a date: after the end of that day in
 * BUSINESS_ZONE). Not closed with an `at` is a planned closing; not closed without one, in service.
 */
export function closingOf(meter, now = new Date(), zone = BUSINESS_ZONE) {
  const stated = meter?.decommissioned_at;
  const at = isDateOnly(stated) || (typeof stated === 'string' && !Number.isNaN(Date.parse(stated))) ? stated : null;
  if (meter?.status === 'decommissioned') return { closed: true, at };
  if (at === null) return { closed: false, at: null };
  return { closed: isDateOnly(at) ? dateIn(now, zone) > at : now.getTime() > Date.parse(at), at };
}

/** The options that format a closing's date on the day it names: a date alone is no instant in the browser's zone. */
export const closingDateOptions = (at) => (isDateOnly(at) ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' });
