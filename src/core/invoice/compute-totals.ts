import { type Decimal, ZERO } from "../money/decimal.ts";
import { DecimalSum, sumDecimals } from "../money/decimal-sum.ts";
import { lineNetAmount, percentageAmount, roundAmount, vatCategoryAmount } from "../money/rounding.ts";
import type { Totals, VatBreakdown } from "./invoice.ts";
import type { DocumentAllowanceCharge, InvoiceContent, LineAllowanceCharge } from "./invoice-content.ts";
import type { VatCategory } from "./vat-category.ts";

/** Every derived amount of an invoice, computed once from its content. */
export interface ComputedAmounts {
  /**
   * Per line: BT-131, the resolved line allowance (BT-136) and charge (BT-141) amounts, and the amount before them
   * (quantity x price / base quantity, rounded), the base of percentage allowances and charges.
   */
  readonly lines: readonly {
    readonly netAmount: Decimal;
    readonly grossAmount: Decimal;
    readonly allowances: readonly Decimal[];
    readonly charges: readonly Decimal[];
  }[];
  /** Resolved BT-92 per document allowance, in content order. */
  readonly allowances: readonly Decimal[];
  /** Resolved BT-99 per document charge, in content order. */
  readonly charges: readonly Decimal[];
  readonly vatBreakdown: readonly VatBreakdown[];
  readonly totals: ComputedTotals;
  /** BT-111 when a VAT accounting currency is set. */
  readonly taxTotalInTaxCurrency?: Decimal;
}

/** The document totals (BG-22) as computed: every one present. */
export type ComputedTotals = Required<Omit<Totals, "rounding">>;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Categories whose VAT amount is computed from the rate; for the others it is zero by definition (BR-Z/E/AE/K/G/O-09). */
const TAXED: ReadonlySet<VatCategory> = new Set(["S", "L", "M"]);

/** Shared by every line without allowances or charges (most lines): nothing to resolve, nothing to allocate. */
const NO_AMOUNTS: readonly Decimal[] = Object.freeze([]);

/** The amount of a line or document allowance/charge: given, or the percentage of its base (rounded). */
function resolve(ac: LineAllowanceCharge, defaultBase: Decimal): Decimal {
  if (ac.amount) return ac.amount;
  if (ac.percentage) return percentageAmount(ac.baseAmount ?? defaultBase, ac.percentage);
  return ZERO;
}

function resolveAll(list: readonly LineAllowanceCharge[], defaultBase: Decimal): readonly Decimal[] {
  if (list.length === 0) return NO_AMOUNTS;
  const out: Decimal[] = [];
  for (const ac of list) out.push(resolve(ac, defaultBase));
  return out;
}

/** Taxable amount of one VAT category and rate, in the order the categories first appear. */
interface VatGroup {
  readonly category: VatCategory;
  readonly rate: Decimal;
  readonly taxable: DecimalSum;
}

/** Adds an amount to its category and rate's group (a list: invoices have one to a few groups). */
function addToGroup(groups: VatGroup[], category: VatCategory, rate: Decimal, amount: Decimal): void {
  for (const group of groups) {
    if (group.category === category && group.rate.eq(rate)) {
      group.taxable.add(amount);
      return;
    }
  }
  const taxable = new DecimalSum();
  taxable.add(amount);
  groups.push({ category, rate, taxable });
}

/**
 * Computes line net amounts, allowances, charges, the VAT breakdown and the document totals of EN 16931 (BG-22, BG-23),
 * following the calculation rules BR-CO-10..17 and BR-S/Z/E/AE/K/G/O-08/09 so that the result satisfies them by
 * construction. VAT is computed per category and rate on the category total (BR-CO-17), never per line. Written as
 * loops without closures or intermediate arrays: imports compute this for hundreds of thousands of invoices.
 */
export function computeTotals(content: InvoiceContent): ComputedAmounts {
  const lines: ComputedAmounts["lines"][number][] = [];
  const groups: VatGroup[] = [];
  // Running sums: a decimal per sum, not one per term.
  const lineNetSum = new DecimalSum();
  for (const line of content.lines) {
    const gross = roundAmount(
      line.baseQuantity && !line.baseQuantity.eq(ZERO)
        ? line.quantity.times(line.netPrice).div(line.baseQuantity)
        : line.quantity.times(line.netPrice),
    );
    let computed: ComputedAmounts["lines"][number];
    // Without allowances and charges BT-131 is the same rounded product: most lines, and no second computation.
    if (line.allowances.length === 0 && line.charges.length === 0) {
      computed = { netAmount: gross, grossAmount: gross, allowances: NO_AMOUNTS, charges: NO_AMOUNTS };
    } else {
      const allowances = resolveAll(line.allowances, gross);
      const charges = resolveAll(line.charges, gross);
      const netAmount = lineNetAmount({
        quantity: line.quantity,
        netPrice: line.netPrice,
        baseQuantity: line.baseQuantity ?? null,
        allowances,
        charges,
      });
      computed = { netAmount, grossAmount: gross, allowances, charges };
    }
    lines.push(computed);
    lineNetSum.add(computed.netAmount);
    addToGroup(groups, line.vatCategory, line.vatRate, computed.netAmount);
  }
  const lineNet = lineNetSum.value();
  const allowances = resolveAll(content.allowances, lineNet);
  const charges = resolveAll(content.charges, lineNet);
  for (let i = 0; i < content.charges.length; i++) {
    const ac = content.charges[i] as DocumentAllowanceCharge;
    addToGroup(groups, ac.vatCategory, ac.vatRate, charges[i] ?? ZERO);
  }
  for (let i = 0; i < content.allowances.length; i++) {
    const ac = content.allowances[i] as DocumentAllowanceCharge;
    addToGroup(groups, ac.vatCategory, ac.vatRate, (allowances[i] ?? ZERO).neg());
  }

  const vatBreakdown: VatBreakdown[] = [];
  let tax = ZERO;
  for (const g of groups) {
    const taxable = g.taxable.value();
    const taxAmount = TAXED.has(g.category) ? vatCategoryAmount(taxable, g.rate) : ZERO;
    tax = tax.plus(taxAmount);
    const reason = content.exemptionReasons?.[g.category];
    // Optional parts set after the literal, not spread into it: a spread grows the object a property at a time.
    const breakdown: Writable<VatBreakdown> = { category: g.category, taxableAmount: taxable, taxAmount };
    if (g.category !== "O") breakdown.rate = g.rate;
    if (reason) breakdown.exemptionReason = reason;
    vatBreakdown.push(breakdown);
  }

  const allowanceTotal = sumDecimals(allowances);
  const chargeTotal = sumDecimals(charges);
  const taxExclusive = lineNet.minus(allowanceTotal).plus(chargeTotal);
  const taxInclusive = taxExclusive.plus(tax);
  const prepaid = content.prepaid ?? ZERO;
  const totals: ComputedTotals = {
    lineNet,
    allowances: allowanceTotal,
    charges: chargeTotal,
    taxExclusive,
    tax,
    taxInclusive,
    prepaid,
    payable: taxInclusive.minus(prepaid),
  };
  const amounts: Writable<ComputedAmounts> = { lines, allowances, charges, vatBreakdown, totals };
  if (content.taxCurrency) amounts.taxTotalInTaxCurrency = roundAmount(tax.times(content.taxCurrency.rate));
  return amounts;
}
