// How the console names a counter in a line of text (under the readings' heading, in a refusal of the
// changeset queue): its name as the meter page gives it (name, direction, tariff) and its OBIS code.
import { counterLabel } from '../../portal/lib/labels.js';

/** The counter's name and, unless the name is it, its OBIS code ("Import, tariff 1 (low) (Consumption, NT) · 1-0:1.8.1"). */
export function counterSummary(counter) {
  const name = counterLabel(counter);
  return [name, counter.obis_number && !name.startsWith(counter.obis_number) ? counter.obis_number : null].filter(Boolean).join(' · ');
}
