// Words for the API's codes (sector, direction, tariff, source, status, refusal reasons).
import { t } from './i18n.js';

export const sectorLabel = (sector) => t(`sector.${sector ?? 'other'}`);
export const directionLabel = (direction) => (direction ? t(`direction.${direction}`) : '');
export const tariffLabel = (tariff) => (tariff ? t(`tariff.${tariff}`) : '');
export const sourceLabel = (source) => (source ? t(`source.${source}`) : '');
/** Units as people write them (the API says m3). */
export const unitLabel = (unit) => ({ m3: 'm³', dm3: 'dm³', m2: 'm²' })[unit] ?? unit ?? '';
export const statusLabel = (status) => t(`status.${status || 'valid'}`);

/**
 * A meter's title where it says more than its number: null when the meter has none, or when the
 * operator set the title to the meter number itself (it would show the number twice).
 */
export function meterTitle(meter) {
  const title = String(meter?._title ?? '').trim();
  return title && title !== String(meter?.meter_number ?? '').trim() ? title : null;
}

/** A counter's name: its title, else its OBIS code, with direction and tariff. */
export function counterLabel(counter) {
  const parts = [counter._title || counter.obis_number || counter._id];
  const extra = [directionLabel(counter.direction), tariffLabel(counter.tariff_type)].filter(Boolean);
  return extra.length ? `${parts[0]} (${extra.join(', ')})` : parts[0];
}

/**
 * A refusal in the customer's words (`reason.<reason>`, else `reason.other`). Where the words name a
 * value that `values` lacks (the previous reading of a direction the allowed range did not cover),
 * the same words without it (`reason.<reason>.noValue`) instead of an empty gap.
 */
export function refusal(error, values = {}) {
  const key = `reason.${error.reason}`;
  const text = t(key, values);
  if (text === key) return t('reason.other');
  if (!/\{\w+\}/.test(text)) return text;
  const plain = t(`${key}.noValue`, values);
  return plain === `${key}.noValue` ? t('reason.other') : plain;
}
