// What the portal says about extrapolated values (docs/portal.md "Forecasts", "The allowed range's
// upper end"): the API extrapolates from the average rate however old the last reading is, so the
// portal shows a forecast, or the upper end of the allowed range past the last reading, only while
// the last reading is recent; never a forecast for a removed meter; rounded to the readings' precision.
import { compare, isDecimal, scaleOf, subtract } from './decimal.js';
import { closingOf } from './closing.js';

/** How old the last reading may be for a forecast to be shown, in days. */
export const FORECAST_HORIZON_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The forecast facts of a counter: null when there is nothing to say (a removed meter or one past its
 * decommissioning instant, no reading or no rate), {stale: true} when the last reading is older than the horizon, else {value, since, digits}
 * with digits the decimals of the last reading (at most 3) for display and since the advance since it.
 */
export function forecastOf(meter, counter, now = new Date()) {
  if (closingOf(meter, now).closed || !counter.last_reading) return null;
  if (now.getTime() - new Date(counter.last_reading).getTime() > FORECAST_HORIZON_DAYS * DAY_MS) return { stale: true };
  if (!isDecimal(counter.forecast_reading_value)) return null;
  const last = counter.current_consumption;
  const digits = isDecimal(last) ? Math.min(scaleOf(last), 3) : 3;
  const since = isDecimal(last) && compare(counter.forecast_reading_value, last) >= 0
    ? subtract(counter.forecast_reading_value, last) : null;
  return { stale: false, value: counter.forecast_reading_value, since, digits };
}

/**
 * Whether the allowed range's upper end may be shown for a reading at `at`. Past the counter's last
 * reading the upper end is the plausibility bound, an extrapolation of the average rate, so it is
 * shown only while `at` is at most FORECAST_HORIZON_DAYS after that reading (years past a stale
 * reading it would invite any value); before the last reading a later reading bounds it, and it is shown.
 */
export function upperEndShown(counter, at) {
  if (!counter?.last_reading) return true;
  return new Date(at).getTime() - new Date(counter.last_reading).getTime() <= FORECAST_HORIZON_DAYS * DAY_MS;
}
