import { type Decimal, dec, ONE, ZERO } from "../../core/money/decimal.ts";
import { DecimalSum } from "../../core/money/decimal-sum.ts";

/** Multiplying by 0.01 is exact and cheaper than dividing by 100. */
export const HUNDREDTH = dec("0.01");

/** The sign of a decimal (-1, 0 or 1). */
export function sign(value: Decimal): -1 | 0 | 1 {
  return value.sign();
}

/**
 * XPath `round(x)`: the nearest integer, halves towards positive infinity (round(-2.5) = -2). The official
 * schematron rounds with it, so rules reproduce it rather than the commercial half-away-from-zero rounding.
 */
export function xpathRound(value: Decimal): Decimal {
  return value.round(0, "half-ceiling");
}

/** The schematron idiom `round(x * 10 * 10) div 100`: XPath rounding to two decimals. */
export function xpathRound2(value: Decimal): Decimal {
  return value.round(2, "half-ceiling");
}

/** The schematron idiom `a - 1 < b and a + 1 > b`: the values differ by less than one unit. */
export function withinOne(a: Decimal, b: Decimal): boolean {
  // Equal values (the usual case: the document was computed by the same rules) need no difference computed.
  return a.eq(b) || a.minus(b).abs().lt(ONE);
}

/** Peppol's `u:slack(exp, val, slack)`: `exp + slack >= val and exp - slack <= val`. */
export function withinSlack(expected: Decimal, value: Decimal, slack: Decimal): boolean {
  return expected.minus(value).abs().lte(slack);
}

/** XPath `sum(list/x)`: the values `pick` finds, absent elements skipped (the empty sum is zero), without building an intermediate array. */
export function sumOf<T>(list: readonly T[], pick: (item: T) => Decimal | undefined): Decimal {
  // One item (most VAT breakdowns) is its own sum; more are added in a running sum, not a decimal per term.
  if (list.length === 1) return pick(list[0] as T) ?? ZERO;
  const total = new DecimalSum();
  for (const item of list) {
    const value = pick(item);
    if (value !== undefined) total.add(value);
  }
  return total.value();
}

const amountOf = (item: { readonly amount?: Decimal }) => item.amount;

/** `sum(list/cbc:Amount)` over allowances or charges. */
export function sumAmounts(list: readonly { readonly amount?: Decimal }[]): Decimal {
  return sumOf(list, amountOf);
}
