import { Decimal } from "./decimal.ts";

/**
 * Storage form of an amount: an integer count of hundredths of the currency unit. EN 16931 amounts carry at most two
 * decimals (BR-DEC-*), so hundredths are exact for every amount facteur issues, whatever the currency.
 */
export type MinorUnits = bigint;

/** Converts an amount with at most two decimals to hundredths. Throws when it has more (not a valid amount). */
export function toMinorUnits(amount: Decimal): MinorUnits {
  if (amount.scale > 2) throw new RangeError(`amount has more than two decimals: ${amount.toFixed()}`);
  const small = amount.safeCoefficient;
  if (small !== undefined) {
    // Scaled as a double while exact: one bigint made instead of two and a bigint product (four amounts an invoice).
    const hundredths = amount.scale === 2 ? small : small * (amount.scale === 1 ? 10 : 100);
    if (Number.isSafeInteger(hundredths)) return BigInt(hundredths);
  }
  return amount.scale === 2 ? amount.coefficient : amount.coefficient * (amount.scale === 1 ? 10n : 100n);
}

/** Converts hundredths back to a decimal amount. */
export function fromMinorUnits(minor: MinorUnits): Decimal {
  return Decimal.of(minor, 2);
}
