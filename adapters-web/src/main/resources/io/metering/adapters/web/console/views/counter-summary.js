// How the console names a counter in a line of text (under the readings' heading, in a refusal of the
// changeset queue) and in a queue's Counter column: its name as the meter page gives it (name, direction,
// tariff) and its OBIS code.
import { eitherDirection } from '../../portal/lib/direction.js';
import { h } from '../../portal/lib/dom.js';
import { counterLabel } from '../../portal/lib/labels.js';
import { words } from './queue.js';

/** The counter's name and, unless the name is it, its OBIS code ("Import, tariff 1 (low) (Consumption, NT) · 1-0:1.8.1"). */
export function counterSummary(counter) {
  const name = counterLabel(counter);
  return [name, counter.obis_number && !name.startsWith(counter.obis_number) ? counter.obis_number : null].filter(Boolean).join(' · ');
}

/**
 * The counter in a queue's Counter column: its name, each word kept whole, and its OBIS code (unless the
 * name is it) in a span of its own that keeps its line, as the implausible queue shows it.
 */
export function counterCell(counter) {
  const name = counterLabel(counter);
  return [words(name), counter.obis_number && !name.startsWith(counter.obis_number) ? h('span', { class: 'obis' }, counter.obis_number) : null];
}

/**
 * The counter as a reading or proposal of that direction shows it: on a counter that may hold both
 * directions, named with the item's direction, so its feed-in and feed-out items differ.
 */
export function withDirection(counter, direction, sector) {
  return direction && eitherDirection(counter, sector) ? { ...counter, direction } : counter;
}
