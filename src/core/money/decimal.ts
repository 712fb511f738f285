import Big from "big.js";

/**
 * An exact decimal number (quantities, prices, rates and amounts as they appear in documents).
 * big.js is immutable and does base-10 arithmetic, so 0.1 + 0.2 is exactly 0.3; binary floats never touch money.
 */
export type Decimal = Big;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

// big.js writes values below 1e-7 or from 1e21 in exponent form ("1e-8"), which dec() and XML decimals refuse, so a
// tiny exchange rate would be stored as text facteur cannot read back. Plain notation at every magnitude; values in
// between print exactly as before, so stored content (and its SHA-256) does not change.
Big.NE = -1_000_000;
Big.PE = 1_000_000;

/** The decimal zero. */
export const ZERO: Decimal = new Big(0);

/** The decimal one hundred, for percentages. */
export const HUNDRED: Decimal = new Big(100);

/** True when `text` is a plain decimal numeral (no exponent, no thousands separators, no spaces). */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text);
}

/**
 * Parses a plain decimal numeral exactly. Throws on anything else: callers at the edge validate with
 * {@link isDecimalText} first and report a field error; inside the core a bad numeral is a programming error.
 */
export function dec(value: string | bigint | Decimal): Decimal {
  if (value instanceof Big) return value;
  const text = typeof value === "bigint" ? value.toString() : value.trim();
  if (!DECIMAL_TEXT.test(text)) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
  // big.js refuses an explicit plus sign, which XML decimals allow ("+0.10").
  return new Big(text.startsWith("+") ? text.slice(1) : text);
}

/** Number of digits after the decimal point as written (trailing zeros of the value are not counted by big.js). */
export function decimalPlaces(value: Decimal): number {
  return Math.max(0, value.c.length - value.e - 1);
}

/** Plain notation without exponent, e.g. "1234.5", "-0.001". */
export function toPlain(value: Decimal): string {
  return value.toFixed();
}

/** Plain notation with exactly `places` decimals (rounded half away from zero when more are present). */
export function toFixedPlaces(value: Decimal, places: number): string {
  return value.toFixed(places, Big.roundHalfUp);
}

/** Sum of decimals; the empty sum is zero. */
export function sumDecimals(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
