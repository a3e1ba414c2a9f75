// What the readings table's "Correct" sends (docs/console.md). The staff's explanation goes into the
// reading's remark, never into its reason: the reason is a code the series depends on (`meter_change`
// and `meter_adjustment` start a segment, docs/domain.md "Segment"), and free text there would
// remove the segment break, so consumption across it would change or the correction be refused.

/**
 * The remark after a correction: the stored remark, if any, then the explanation on a line of its
 * own, so what the reader or an earlier correction noted stays. An empty explanation leaves the
 * remark alone (undefined: not sent, so the service keeps the stored one).
 */
export function remarkAfter(remark, explanation) {
  const why = String(explanation ?? '').trim();
  if (!why) return undefined;
  return remark ? `${remark}\n${why}` : why;
}

/**
 * The updateMeterReading body that corrects `reading` (as listed by the API) to `value`: its series
 * (direction), source and reason code kept, the explanation added to its remark.
 */
export function correctionOf(reading, value, explanation) {
  const body = { value, direction: reading.direction, source: reading.source };
  // sent as stored: a reading without a reason keeps none (a field left out is kept, docs/api.md)
  if (reading.reason) body.reason = reading.reason;
  const remark = remarkAfter(reading.remark, explanation);
  if (remark !== undefined) body.remark = remark;
  return body;
}
