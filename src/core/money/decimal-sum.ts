import { Decimal, safeSum } from "./decimal.ts";

/**
 * A running sum, exact: a safe integer coefficient and its scale while the sum is one, the sum of decimals beyond.
 * Adding to it allocates nothing (a chain of `plus` allocates a decimal per term): totals and the validator's sums
 * add some thirty amounts per invoice. Mutable, so kept local to the computation that owns it.
 */
export class DecimalSum {
  private coefficient = 0;
  private scale = 0;
  /** The sum once it is not a safe integer coefficient at a scale up to 15. */
  private exact: Decimal | undefined;

  add(value: Decimal): void {
    if (this.exact === undefined) {
      const c = value.safeCoefficient;
      if (c !== undefined) {
        const sum = safeSum(this.coefficient, this.scale, c, value.scale);
        if (!Number.isNaN(sum)) {
          this.coefficient = sum;
          this.scale = Math.max(this.scale, value.scale);
          return;
        }
      }
      this.exact = Decimal.ofSafe(this.coefficient, this.scale);
    }
    this.exact = this.exact.plus(value);
  }

  /** The sum so far; zero when nothing was added. */
  value(): Decimal {
    return this.exact ?? Decimal.ofSafe(this.coefficient, this.scale);
  }
}

/** Sum of decimals; the empty sum is zero. */
export function sumDecimals(values: Iterable<Decimal>): Decimal {
  const total = new DecimalSum();
  for (const v of values) total.add(v);
  return total.value();
}
