// Reading values as exact decimal strings ("12345.6"), never binary floating point: a register value
// typed, sent, received, subtracted and shown keeps every digit (docs/portal.md).

const PLAIN = /^-?\d+(\.\d+)?$/;

/** Whether text is a plain decimal as the API writes it (no exponent, no grouping). */
export function isDecimal(text) {
  return typeof text === 'string' && PLAIN.test(text);
}

/** The canonical form: no leading zeros, no trailing fraction zeros, "-0" as "0". */
export function normalize(text) {
  if (!isDecimal(text)) throw new TypeError(`not a decimal: ${text}`);
  let negative = text.startsWith('-');
  let [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** The number of decimals the text has ("12.340" has 3). */
export function scaleOf(text) {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function toScaled(text, scale) {
  const negative = text.startsWith('-');
  const [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = BigInt(int + frac.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

function fromScaled(value, scale) {
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return normalize(negative ? `-${text}` : text);
}

function binary(a, b, op) {
  if (!isDecimal(a) || !isDecimal(b)) throw new TypeError(`not decimals: ${a}, ${b}`);
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromScaled(op(toScaled(a, scale), toScaled(b, scale)), scale);
}

/** a + b, exact. */
export function add(a, b) {
  return binary(a, b, (x, y) => x + y);
}

/** a - b, exact. */
export function subtract(a, b) {
  return binary(a, b, (x, y) => x - y);
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a, b) {
  const d = subtract(a, b);
  return d.startsWith('-') ? -1 : d === '0' ? 0 : 1;
}

/** The locale's decimal and grouping separators, e.g. "," and "." for German. */
export function separators(locale) {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/**
 * Reads a value a person typed, in their locale's notation: "12345,6" in German and "12345.6" in
 * English are both 12345.6; grouping ("12.345,6", "12,345.6") is allowed where it is regular. A lone
 * separator of the other convention followed by other than three digits ("12345.6" typed in German)
 * is taken as the decimal point, since nobody groups like that. Returns the canonical decimal string,
 * or null when the text is no non-negative number.
 */
export function parseInput(typed, locale) {
  if (typeof typed !== 'string') return null;
  const text = typed.replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const { decimal } = separators(locale);
  const other = decimal === ',' ? '.' : ',';
  const grouped = (int, sep) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(int);
  let int = text;
  let frac = '';
  if (text.includes(decimal)) {
    const pieces = text.split(decimal);
    if (pieces.length !== 2) return null;
    [int, frac] = pieces;
    if (int.includes(other)) {
      if (!grouped(int, other)) return null;
      int = int.split(other).join('');
    }
  } else if (text.includes(other)) {
    const pieces = text.split(other);
    if (grouped(text, other)) {
      int = pieces.join('');
    } else if (pieces.length === 2) {
      [int, frac] = pieces;
    } else {
      return null;
    }
  }
  if (!/^\d*$/.test(frac) || (int === '' && frac === '')) return null;
  const plain = `${int === '' ? '0' : int}${frac ? `.${frac}` : ''}`;
  return isDecimal(plain) ? normalize(plain) : null;
}

/**
 * The decimal in the locale's notation with every digit it has (Intl formats decimal strings exactly),
 * or, given digits, rounded for display to at most that many decimals (estimates and forecasts).
 */
export function format(text, locale, digits) {
  if (!isDecimal(text)) return '';
  const scale = Math.min(scaleOf(text), digits ?? 20, 20);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: scale }).format(text);
}
