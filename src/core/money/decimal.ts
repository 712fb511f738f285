/**
 * How {@link Decimal.round} and {@link Decimal.toFixed} drop digits: half away from zero, towards zero, or half towards
 * positive infinity (XPath's `round()`: round(-2.5) = -2).
 */
export type Rounding = "half-up" | "down" | "half-ceiling";

/** Decimal places of a quotient that does not end: big.js's default (DP = 20), which facteur's stored values follow. */
const DIVISION_PLACES = 20;

const POWERS: bigint[] = [1n];
for (let i = 1; i <= 64; i++) POWERS.push((POWERS[i - 1] as bigint) * 10n);

/** 10^n as a bigint. */
function pow10(n: number): bigint {
  return POWERS[n] ?? 10n ** BigInt(n);
}

/** 10^0 .. 10^15 as doubles: exact, and any safe integer times one of them is tested for safety before use. */
const SMALL_POWERS: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The exponent of each of {@link SMALL_POWERS}. */
const POWER_EXPONENTS: ReadonlyMap<number, number> = new Map(
  SMALL_POWERS.map((power, exponent) => [power, exponent]),
);

/**
 * The decimal point and digits of each fraction of one or two decimals, by its digits' value: FRACTIONS[2][5] is
 * ".05". Index 0 is never used (a shortest form does not end in 0).
 */
const FRACTIONS: readonly (readonly string[])[] = [
  [],
  Array.from({ length: 10 }, (_, i) => `.${i}`),
  Array.from({ length: 100 }, (_, i) => `.${String(i).padStart(2, "0")}`),
];

/**
 * The coefficient of a + b, safe integer coefficients at scales `aScale` and `bScale` (up to 15), at the larger scale;
 * NaN when it is not a safe integer (then computed with bigints). A double that lost precision is never a safe
 * integer, so an inexact result is never kept. Shared by plus, minus and DecimalSum.
 */
export function safeSum(a: number, aScale: number, b: number, bScale: number): number {
  const sum =
    aScale === bScale
      ? a + b
      : aScale > bScale
        ? a + b * (SMALL_POWERS[aScale - bScale] ?? Number.POSITIVE_INFINITY)
        : a * (SMALL_POWERS[bScale - aScale] ?? Number.POSITIVE_INFINITY) + b;
  return Number.isSafeInteger(sum) ? sum : Number.NaN;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** What the operations accept besides a decimal, as big.js did: an integer literal (`times(100)`) or a numeral. */
export type DecimalLike = Decimal | number | string;

/** The decimal for an operand. A number is read as written by String() (finite, without exponent). */
function operand(value: DecimalLike): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return Decimal.ofSafe(value, 0);
    return Decimal.parse(String(value));
  }
  return Decimal.parse(value);
}

/** `numerator / denominator` rounded to an integer; the denominator is positive. */
function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const quotient = numerator / denominator;
  if (rounding === "down") return quotient;
  const remainder = numerator % denominator;
  const twice = remainder < 0n ? -2n * remainder : 2n * remainder;
  if (rounding === "half-ceiling") {
    // floor(x + 1/2): a negative remainder of exactly a half stays at the quotient, a positive one goes up.
    if (remainder < 0n) return twice > denominator ? quotient - 1n : quotient;
    return twice >= denominator ? quotient + 1n : quotient;
  }
  if (twice < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/**
 * An exact decimal number (quantities, prices, rates and amounts as they appear in documents): an integer
 * coefficient and a count of decimal places, so 0.1 + 0.2 is exactly 0.3 and binary floats never touch money.
 * Immutable. Written by hand rather than taken from a library: big.js, used before, allocated a digit array per
 * operation and per operand, and its garbage was a third of an invoice import's time.
 *
 * The coefficient is held as a double while it is a safe integer (|c| < 2^53: every amount, price and quantity of a
 * real invoice), where sums, products and comparisons are exact and allocate nothing but the result, and as a bigint
 * beyond. An operation on doubles whose exact result would not be a safe integer gives a double that is not one
 * either (rounding is monotonic), so it is detected and done again over bigints.
 *
 * The value is kept in its shortest form (no trailing zero after the point: "12.50" is 1250 hundredths stored as 125
 * tenths), so that equal values print the same ("12.5", as big.js printed them, which keeps stored content and its
 * SHA-256 unchanged) and {@link scale} is the number of decimals the value has.
 */
export class Decimal {
  private static readonly zero = new Decimal(0, null, 0);

  private constructor(
    /** The value times 10^scale when that is a safe integer (then `big` is null). */
    private readonly small: number,
    /** The value times 10^scale when that is not a safe integer. */
    private readonly big: bigint | null,
    /** Digits after the decimal point; 0 for integers, and the last of them is never 0. */
    readonly scale: number,
  ) {}

  /** The value times 10^scale when that is a safe integer (as {@link DecimalSum} accumulates it), else undefined. */
  get safeCoefficient(): number | undefined {
    return this.big === null ? this.small : undefined;
  }

  /** The value times 10^scale. */
  get coefficient(): bigint {
    return this.big ?? BigInt(this.small);
  }

  /** The decimal `coefficient` x 10^-`scale`, shortened. */
  static of(coefficient: bigint, scale = 0): Decimal {
    if (coefficient >= MIN_SAFE && coefficient <= MAX_SAFE) return Decimal.ofSafe(Number(coefficient), scale);
    let c = coefficient;
    let s = scale;
    while (s > 0 && c % 10n === 0n) {
      c /= 10n;
      s--;
    }
    if (c >= MIN_SAFE && c <= MAX_SAFE) return new Decimal(Number(c), null, s);
    return new Decimal(0, c, s);
  }

  /** The decimal `coefficient` x 10^-`scale` for a safe integer coefficient, shortened. */
  static ofSafe(coefficient: number, scale: number): Decimal {
    if (coefficient === 0) return Decimal.zero;
    if (!Number.isSafeInteger(coefficient)) throw new RangeError(`not a safe integer: ${coefficient}`);
    let c = coefficient;
    let s = scale;
    while (s > 0 && c % 10 === 0) {
      c /= 10;
      s--;
    }
    return new Decimal(c, null, s);
  }

  /** Parses a plain decimal numeral; throws a RangeError on anything else. */
  static parse(text: string): Decimal {
    const value = Decimal.tryParse(text);
    if (value === undefined) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    return value;
  }

  /** Parses a plain decimal numeral (surrounding whitespace allowed); undefined for anything else. */
  static tryParse(text: string): Decimal | undefined {
    const trimmed = text.trim();
    // Up to 15 digits the numeral is checked and read in one pass, digit by digit into a double, exactly and
    // without a regular expression or a substring: an optional sign first, at most one point, at least one digit.
    if (trimmed.length <= 16) {
      let c = 0;
      let s = -1;
      let digits = 0;
      for (let i = 0; i < trimmed.length; i++) {
        const code = trimmed.charCodeAt(i);
        if (code >= 48 && code <= 57) {
          c = c * 10 + (code - 48);
          digits++;
          if (s >= 0) s++;
        } else if (code === 46 /* . */ && s < 0) s = 0;
        else if (i !== 0 || (code !== 43 /* + */ && code !== 45) /* - */) return undefined;
      }
      if (digits === 0) return undefined;
      if (digits <= 15) return Decimal.ofSafe(trimmed.charCodeAt(0) === 45 /* - */ ? -c : c, Math.max(s, 0));
    }
    if (!DECIMAL_TEXT.test(trimmed)) return undefined;
    const point = trimmed.indexOf(".");
    if (point === -1) return Decimal.of(BigInt(trimmed));
    const fraction = trimmed.slice(point + 1);
    const integer = trimmed.slice(0, point);
    const digits = `${integer === "" || integer === "+" || integer === "-" ? `${integer}0` : integer}${fraction}`;
    return Decimal.of(BigInt(digits), fraction.length);
  }

  /** -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    if (this.big === null) return this.small < 0 ? -1 : this.small > 0 ? 1 : 0;
    return this.big < 0n ? -1 : 1;
  }

  plus(value: DecimalLike): Decimal {
    const other = operand(value);
    // Adding zero is the other operand, already in shortest form: sums start from zero, and totals add zero
    // allowances and charges, so this spares an object each time.
    if (other === Decimal.zero) return this;
    if (this === Decimal.zero) return other;
    if (this.big === null && other.big === null) {
      const sum = safeSum(this.small, this.scale, other.small, other.scale);
      if (!Number.isNaN(sum)) return Decimal.ofSafe(sum, Math.max(this.scale, other.scale));
    }
    const a = this.coefficient;
    const b = other.coefficient;
    if (this.scale === other.scale) return Decimal.of(a + b, this.scale);
    if (this.scale > other.scale) return Decimal.of(a + b * pow10(this.scale - other.scale), this.scale);
    return Decimal.of(a * pow10(other.scale - this.scale) + b, other.scale);
  }

  minus(value: DecimalLike): Decimal {
    const other = operand(value);
    // Subtracting zero (an absent allowance total, say) is this value, already in shortest form.
    if (other === Decimal.zero) return this;
    if (other.big === null && this.big === null) {
      // The same as plus(other.neg()) without the negated operand's object: -b of a safe integer is one.
      const difference = safeSum(this.small, this.scale, -other.small, other.scale);
      if (!Number.isNaN(difference)) return Decimal.ofSafe(difference, Math.max(this.scale, other.scale));
    }
    return this.plus(other.neg());
  }

  times(value: DecimalLike): Decimal {
    const other = operand(value);
    if (this.big === null && other.big === null) {
      const product = this.small * other.small;
      if (Number.isSafeInteger(product)) return Decimal.ofSafe(product, this.scale + other.scale);
    }
    return Decimal.of(this.coefficient * other.coefficient, this.scale + other.scale);
  }

  /** The quotient, exact when it has at most 20 decimals, else rounded half away from zero to 20 (as big.js did). */
  div(value: DecimalLike): Decimal {
    const other = operand(value);
    if (other.sign() === 0) throw new RangeError("division by zero");
    // Dividing by 10^k (VAT and percentages divide by 100) only moves the point: exact while within 20 decimals.
    const shift = other.big === null && other.scale === 0 ? POWER_EXPONENTS.get(other.small) : undefined;
    if (shift !== undefined && this.scale + shift <= DIVISION_PLACES) {
      if (this.big === null) return Decimal.ofSafe(this.small, this.scale + shift);
      return Decimal.of(this.big, this.scale + shift);
    }
    // this / other = (a / 10^sa) / (b / 10^sb); times 10^20 that is a x 10^(sb + 20) / (b x 10^sa).
    let numerator = this.coefficient * pow10(other.scale + DIVISION_PLACES);
    let denominator = other.coefficient * pow10(this.scale);
    if (denominator < 0n) {
      numerator = -numerator;
      denominator = -denominator;
    }
    return Decimal.of(divideRounded(numerator, denominator, "half-up"), DIVISION_PLACES);
  }

  neg(): Decimal {
    if (this.big === null) return this.small === 0 ? this : new Decimal(-this.small, null, this.scale);
    return Decimal.of(-this.big, this.scale);
  }

  abs(): Decimal {
    return this.sign() < 0 ? this.neg() : this;
  }

  /** Rounded to `places` decimals (at least 0): half away from zero by default, or as `rounding` says. */
  round(places = 0, rounding: Rounding = "half-up"): Decimal {
    if (this.scale <= places) return this;
    const power = SMALL_POWERS[this.scale - places];
    if (this.big === null && power !== undefined) {
      // Both are safe integers, so the truncated double quotient and the remainder are exact.
      const c = this.small;
      const quotient = Math.trunc(c / power);
      if (rounding === "down") return Decimal.ofSafe(quotient, places);
      const remainder = c - quotient * power;
      const twice = 2 * Math.abs(remainder);
      if (rounding === "half-ceiling") {
        if (remainder < 0) return Decimal.ofSafe(twice > power ? quotient - 1 : quotient, places);
        return Decimal.ofSafe(twice >= power ? quotient + 1 : quotient, places);
      }
      if (twice < power) return Decimal.ofSafe(quotient, places);
      return Decimal.ofSafe(c < 0 ? quotient - 1 : quotient + 1, places);
    }
    return Decimal.of(divideRounded(this.coefficient, pow10(this.scale - places), rounding), places);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  cmp(value: DecimalLike): -1 | 0 | 1 {
    const other = operand(value);
    if (this.big === null && other.big === null) {
      let a = this.small;
      let b = other.small;
      if (this.scale > other.scale) b *= SMALL_POWERS[this.scale - other.scale] ?? Number.POSITIVE_INFINITY;
      else if (this.scale < other.scale)
        a *= SMALL_POWERS[other.scale - this.scale] ?? Number.POSITIVE_INFINITY;
      if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a < b ? -1 : a > b ? 1 : 0;
    }
    let a = this.coefficient;
    let b = other.coefficient;
    if (this.scale > other.scale) b *= pow10(this.scale - other.scale);
    else if (this.scale < other.scale) a *= pow10(other.scale - this.scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(value: DecimalLike): boolean {
    const other = operand(value);
    // Shortest forms, and a coefficient is a double exactly when it is safe: equal values are held the same way.
    return this.small === other.small && this.big === other.big && this.scale === other.scale;
  }

  gt(value: DecimalLike): boolean {
    return this.cmp(value) > 0;
  }

  gte(value: DecimalLike): boolean {
    return this.cmp(value) >= 0;
  }

  lt(value: DecimalLike): boolean {
    return this.cmp(value) < 0;
  }

  lte(value: DecimalLike): boolean {
    return this.cmp(value) <= 0;
  }

  /**
   * Plain notation without exponent: as the value has it ("1234.5", "-0.001"), or with exactly `places` decimals
   * (rounded half away from zero unless said otherwise; zero is never written with a minus sign).
   */
  toFixed(places?: number, rounding: Rounding = "half-up"): string {
    if (places === undefined) return this.toString();
    const rounded = this.round(places, rounding);
    const text = rounded.toString();
    if (places === 0) return text;
    const missing = places - rounded.scale;
    return rounded.scale === 0 ? `${text}.${"0".repeat(missing)}` : text + "0".repeat(missing);
  }

  /** Plain notation at every magnitude ("0.00000001", never "1e-8"), which {@link dec} reads back. */
  toString(): string {
    // A safe integer prints without exponent.
    if (this.scale === 0) return String(this.big ?? this.small);
    if (this.big === null && this.scale <= 2) {
      // Amounts and most prices: the integer part and a ready-made fraction (".5", ".05"), one concatenation instead
      // of the padded digits and two slices below (content encoding writes some twenty decimals per invoice).
      const c = this.small;
      const abs = c < 0 ? -c : c;
      const power = this.scale === 1 ? 10 : 100;
      const fraction = abs % power;
      const text = String((abs - fraction) / power) + (FRACTIONS[this.scale] as readonly string[])[fraction];
      return c < 0 ? `-${text}` : text;
    }
    const c = this.big ?? this.small;
    const negative = c < 0;
    const digits = String(negative ? -c : c).padStart(this.scale + 1, "0");
    const cut = digits.length - this.scale;
    return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }

  /** JSON text of a decimal: its exact plain notation as a string, never a float. */
  toJSON(): string {
    return this.toString();
  }
}

/** The decimal zero. */
export const ZERO: Decimal = Decimal.of(0n);

/** The decimal one. */
export const ONE: Decimal = Decimal.of(1n);

/** The decimal one hundred, for percentages. */
export const HUNDRED: Decimal = Decimal.of(100n);

/** True when `text` is a plain decimal numeral (no exponent, no thousands separators, no spaces). */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text);
}

/**
 * Parses a plain decimal numeral exactly (an explicit plus sign, which XML decimals allow, included). Throws on
 * anything else: callers at the edge validate with {@link isDecimalText} first (or use {@link Decimal.tryParse}) and
 * report a field error; inside the
 * core a bad numeral is a programming error.
 */
export function dec(value: string | bigint | Decimal): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === "bigint") return Decimal.of(value);
  return Decimal.parse(value);
}

/** Number of digits after the decimal point of the value (trailing zeros as written are not counted). */
export function decimalPlaces(value: Decimal): number {
  return value.scale;
}

/** Plain notation without exponent, e.g. "1234.5", "-0.001". */
export function toPlain(value: Decimal): string {
  return value.toString();
}

/** Plain notation with exactly `places` decimals (rounded half away from zero when more are present). */
export function toFixedPlaces(value: Decimal, places: number): string {
  return value.toFixed(places, "half-up");
}
