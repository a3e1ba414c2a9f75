// The direction of a reading on a counter that declares none (a two-way register: feed-in and
// feed-out readings on one counter). Such a reading must name its direction unless the service can
// settle it (docs/domain.md "Direction when not given"); the portal and the console ask for it.
import { h } from './dom.js';
import { t } from './i18n.js';
import { directionLabel } from './labels.js';

export const DIRECTIONS = ['feed-out', 'feed-in'];

/** Sectors whose meters only consume: the service takes feed-out for them (docs/domain.md). */
const CONSUMPTION_ONLY = ['water', 'gas', 'district_heating', 'waste_water'];

/**
 * Whether the counter's readings may be of either direction, so that a reading written to it names
 * its own and a list of them shows each one's: the counter declares no direction and its meter is
 * not one that only consumes. An OBIS code's implied direction is not enough: it is only what a
 * reading without a direction gets, and a two-way register holds readings of the other one too.
 */
export const eitherDirection = (counter, sector) => Boolean(counter) && !counter.direction && !CONSUMPTION_ONLY.includes(sector);

/** A choice of direction, none chosen at first (`required` when the form must have one). */
export function directionSelect(id, { required = false, describedBy } = {}) {
  return h('select', { id, name: id, required, 'aria-describedby': describedBy },
    h('option', { value: '' }, t('direction.choose')),
    DIRECTIONS.map((d) => h('option', { value: d }, directionLabel(d))));
}

/** Whether a list of the counter's readings shows each one's direction: it may hold both, or these readings do. */
export const directionShown = (counter, sector, readings) =>
  eitherDirection(counter, sector) || new Set(readings.map((r) => r.direction)).size > 1;

/**
 * Each reading's relative value (the consumption since the previous reading of its own series) out
 * of the API's relative answer, found by direction and instant: at one instant a two-way register
 * has a reading of each direction.
 */
export function relativeOf(relative) {
  const byReading = new Map(relative.map((r) => [`${r.direction}|${r.timestamp}`, r.value]));
  return (reading) => byReading.get(`${reading.direction}|${reading.timestamp}`);
}
