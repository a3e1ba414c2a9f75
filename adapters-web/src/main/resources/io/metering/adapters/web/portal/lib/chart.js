// The consumption chart's value axis: bars start at zero, and tick labels carry enough decimals that
// no two read the same (a month of gas at 0.158 m³ a day once showed six ticks all "0.158").

/**
 * The y range for consumption bars: from zero (or the lowest value when a decreasing period is
 * negative) to a little above the highest; [0, 1] when there is nothing to draw.
 */
export function yRange(dataMin, dataMax) {
  const lo = Math.min(0, Number.isFinite(dataMin) ? dataMin : 0);
  let hi = Math.max(0, Number.isFinite(dataMax) ? dataMax : 0);
  if (hi === lo) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  return [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
}

/** The number of decimals that tell ticks `step` apart (0.25 needs 2, 0.0002 needs 4), at most 12. */
export function tickDecimals(step) {
  if (!(step > 0)) return 0;
  for (let decimals = 0; decimals < 12; decimals += 1) {
    const scaled = step * 10 ** decimals;
    if (scaled >= 1 && Math.abs(Math.round(scaled) - scaled) < 1e-6 * scaled) return decimals;
  }
  return 12;
}

/** The tick labels in the locale's notation, all with the decimals their spacing needs. */
export function tickLabels(splits, locale) {
  const step = splits.length > 1 ? Math.abs(splits[1] - splits[0]) : 0;
  const decimals = tickDecimals(step);
  const nf = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return splits.map((v) => nf.format(Math.abs(v) < step / 1e6 ? 0 : v));
}
