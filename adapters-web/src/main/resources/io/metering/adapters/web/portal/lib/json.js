// JSON whose numbers keep their source text: the API writes reading values as plain JSON numbers
// with every digit, which JSON.parse would round to binary floating point.
import { isDecimal } from './decimal.js';

const SOURCE_TEXT = (() => {
  try {
    let seen;
    JSON.parse('1.10', (key, value, context) => {
      seen = context?.source;
      return value;
    });
    return seen === '1.10';
  } catch {
    return false;
  }
})();

/** Parses JSON, every number becoming the string of its literal ("594169.50" stays "594169.50"). */
export function parse(text) {
  if (SOURCE_TEXT) {
    return JSON.parse(text, (key, value, context) => (typeof value === 'number' ? context.source : value));
  }
  return parseKeepingNumbers(text);
}

/** The fallback where the reviver gets no source text: JSON.parse after quoting each number literal. */
export function parseKeepingNumbers(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      out += `"${m[0]}"`;
      i += m[0].length;
    } else {
      out += c;
      i += 1;
    }
  }
  return JSON.parse(out);
}

/** A decimal to be written into JSON as a number literal, exactly as given. */
export class DecimalLiteral {
  constructor(text) {
    if (!isDecimal(text)) throw new TypeError(`not a decimal: ${text}`);
    this.text = text;
  }
}

/** JSON text in which each DecimalLiteral appears as its number literal, digit for digit. */
export function stringify(value) {
  if (value instanceof DecimalLiteral) return value.text;
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${stringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
