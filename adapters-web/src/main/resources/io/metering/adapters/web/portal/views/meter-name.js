// Which meter a page is about, under its heading: a household may have two meters of one kind (two gas
// meters whose registers are both "Gas volume"), so a counter's name alone does not say which.
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { meterTitle } from '../lib/labels.js';

/** The meter's title (unless it is only its number again) and its number, which never breaks inside. */
export function meterName(meter) {
  return [meterTitle(meter) ? `${meterTitle(meter)} · ` : '', `${t('meters.number')} `, h('span', { class: 'ident' }, meter?.meter_number ?? '—')];
}
