// A meter's reading_governance in words (docs/domain.md#changesets): who confirms its readings
// (edit_mode), how a direct write clears a pending changeset (match_strategy with its fuzzy
// thresholds) and the slack on the timestamp (timestamp_tolerance). Each code keeps its wire value
// as the tooltip, as the console's other enumerations do (codes.js).
import { h } from '../../portal/lib/dom.js';
import { t, currentLanguage } from '../../portal/lib/i18n.js';
import { format, isDecimal } from '../../portal/lib/decimal.js';
import { coded } from './codes.js';

/** The fuzzy thresholds as "5 % / ± 0.5" in the page's language; exact decimals, never floats. */
function thresholds(fuzzy, lang) {
  if (!fuzzy || typeof fuzzy !== 'object') return [];
  const parts = [];
  if (isDecimal(fuzzy.percentage_threshold)) parts.push(t('console.governance.percentage', { value: format(fuzzy.percentage_threshold, lang) }));
  if (isDecimal(fuzzy.absolute_threshold)) parts.push(t('console.governance.absolute', { value: format(fuzzy.absolute_threshold, lang) }));
  return parts.length ? [` (${parts.join(` ${t('console.governance.or')} `)})`] : [];
}

/** The timestamp tolerance: 'exact', {type: 'same-day', timezone?} or {type: 'within-seconds', seconds}. */
function tolerance(value, lang) {
  const type = typeof value === 'string' ? value : value?.type;
  const label = coded('timestampTolerance', type);
  if (type === 'same-day') return [label, ` (${value.timezone ?? 'UTC'})`];
  if (type === 'within-seconds' && isDecimal(value.seconds)) return [label, ` ${t('console.governance.seconds', { value: format(value.seconds, lang) })}`];
  return [label];
}

/** A reading_governance object as labelled lines; anything else (null, a later release's shape) as text. */
export function governance(value) {
  if (!value || typeof value !== 'object') return String(value ?? '');
  const lang = currentLanguage();
  const line = (key, ...content) => h('span', { class: 'governance-part' }, h('span', { class: 'muted' }, `${t(key)}: `), ...content);
  return h('span', { class: 'governance' },
    line('console.governance.editMode', coded('editMode', value.edit_mode)),
    value.match_strategy ? line('console.governance.match', coded('matchStrategy', value.match_strategy),
      ...(value.match_strategy === 'fuzzy' ? thresholds(value.fuzzy_config, lang) : [])) : null,
    value.timestamp_tolerance ? line('console.governance.tolerance', ...tolerance(value.timestamp_tolerance, lang)) : null);
}
