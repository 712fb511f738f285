import Big from "big.js";
import type { Decimal } from "../../core/money/decimal.ts";

const HALF = new Big("0.5");
const ONE = new Big(1);

/** XPath `floor()`. */
function floor(value: Decimal): Decimal {
  const truncated = value.round(0, Big.roundDown);
  return value.lt(0) && !truncated.eq(value) ? truncated.minus(ONE) : truncated;
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
  return xpathRound(value.times(100)).div(100);
}

/** The schematron idiom `a - 1 < b and a + 1 > b`: the values differ by less than one unit. */
export function withinOne(a: Decimal, b: Decimal): boolean {
  return a.minus(b).abs().lt(ONE);
}

/** Peppol's `u:slack(exp, val, slack)`: `exp + slack >= val and exp - slack <= val`. */
export function withinSlack(expected: Decimal, value: Decimal, slack: Decimal): boolean {
  return expected.plus(slack).gte(value) && expected.minus(slack).lte(value);
}

/** Sum of the defined values; XPath `sum()` skips absent elements and the empty sum is zero. */
export function sumDefined(values: Iterable<Decimal | undefined>): Decimal {
  let total = new Big(0);
  for (const value of values) if (value !== undefined) total = total.plus(value);
  return total;
}
