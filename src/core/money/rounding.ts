import { type Decimal, HUNDRED, ONE, ZERO } from "./decimal.ts";

/**
 * Rounds an amount to two decimals, half away from zero.
 * EN 16931 BR-DEC-01..28: every document amount carries at most two decimals; the standard leaves the rounding
 * method to commercial practice, which in the EU (and in Peppol's examples) is half away from zero.
 */
export function roundAmount(value: Decimal): Decimal {
  return value.round(2, "half-up");
}

/**
 * Invoice line net amount (BT-131), rounded: quantity (BT-129) x item net price (BT-146) / price base quantity (BT-149)
 * + line charges (BT-141) - line allowances (BT-136). EN 16931 semantic model, BT-131 definition; BR-DEC-23.
 */
export function lineNetAmount(input: {
  quantity: Decimal;
  netPrice: Decimal;
  baseQuantity?: Decimal | null;
  allowances?: readonly Decimal[];
  charges?: readonly Decimal[];
}): Decimal {
  const base = input.baseQuantity && !input.baseQuantity.eq(ZERO) ? input.baseQuantity : ONE;
  let amount = input.quantity.times(input.netPrice).div(base);
  for (const c of input.charges ?? []) amount = amount.plus(c);
  for (const a of input.allowances ?? []) amount = amount.minus(a);
  return roundAmount(amount);
}

/**
 * Allowance or charge amount from its base (BT-93/100/137/142) and percentage (BT-94/101/138/143), rounded.
 * BR-DEC-01/05/24/27 limit the result to two decimals.
 */
export function percentageAmount(base: Decimal, percentage: Decimal): Decimal {
  return roundAmount(base.times(percentage).div(HUNDRED));
}

/**
 * VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) x rate (BT-119) / 100, rounded.
 * EN 16931 computes VAT per category on the category total, never per line (BR-CO-17), and BR-DEC-20 limits it to two
 * decimals.
 */
export function vatCategoryAmount(taxable: Decimal, ratePercent: Decimal): Decimal {
  return roundAmount(taxable.times(ratePercent).div(HUNDRED));
}
