import Big from "big.js";
import type { Decimal } from "../../core/money/decimal.ts";

const HALF = new Big("0.5");
const ONE = new Big(1);
/** Multiplying by 0.01 is exact and much cheaper than big.js division by 100. */
export const HUNDREDTH = new Big("0.01");

/**
 * The sign of a decimal (-1, 0 or 1), read from big.js's coefficient and sign fields: comparing with `gt(0)`
 * builds a new Big for the zero on every call, which rules on every line cannot afford.
 */
export function sign(value: Decimal): -1 | 0 | 1 {
  if (value.c.length === 1 && value.c[0] === 0) return 0;
  return value.s < 0 ? -1 : 1;
}

/** XPath `floor()`. */
function floor(value: Decimal): Decimal {
  const truncated = value.round(0, Big.roundDown);
  return value.s < 0 && !truncated.eq(value) ? truncated.minus(ONE) : truncated;
}

/**
 * XPath `round(x)`: the nearest integer, halves towards positive infinity (round(-2.5) = -2). The official
 * schematron rounds with it, so rules reproduce it rather than the commercial half-away-from-zero rounding.
 */
export function xpathRound(value: Decimal): Decimal {
  return floor(value.plus(HALF));
}

/** The schematron idiom `round(x * 10 * 10) div 100`: XPath rounding to two decimals. */
export function xpathRound2(value: Decimal): Decimal {
  return xpathRound(value.times(100)).times(HUNDREDTH);
}

/** The schematron idiom `a - 1 < b and a + 1 > b`: the values differ by less than one unit. */
export function withinOne(a: Decimal, b: Decimal): boolean {
  return a.minus(b).abs().lt(ONE);
}

/** Peppol's `u:slack(exp, val, slack)`: `exp + slack >= val and exp - slack <= val`. */
export function withinSlack(expected: Decimal, value: Decimal, slack: Decimal): boolean {
  return expected.minus(value).abs().lte(slack);
}

/** Sum of the defined values; XPath `sum()` skips absent elements and the empty sum is zero. */
export function sumDefined(values: Iterable<Decimal | undefined>): Decimal {
  let total: Decimal | undefined;
  for (const value of values)
    if (value !== undefined) total = total === undefined ? value : total.plus(value);
  return total ?? new Big(0);
}

/** `sum(list/cbc:Amount)` over allowances or charges, without building an intermediate array. */
export function sumAmounts(list: readonly { readonly amount?: Decimal }[]): Decimal {
  let total: Decimal | undefined;
  for (const item of list) {
    if (item.amount !== undefined) total = total === undefined ? item.amount : total.plus(item.amount);
  }
  return total ?? new Big(0);
}
