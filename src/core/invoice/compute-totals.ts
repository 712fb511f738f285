import { type Decimal, sumDecimals, ZERO } from "../money/decimal.ts";
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
    netAmount: Decimal;
    grossAmount: Decimal;
    allowances: Decimal[];
    charges: Decimal[];
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

/** Categories whose VAT amount is computed from the rate; for the others it is zero by definition (BR-Z/E/AE/K/G/O-09). */
const TAXED: ReadonlySet<VatCategory> = new Set(["S", "L", "M"]);

/** The amount of a line or document allowance/charge: given, or the percentage of its base (rounded). */
function resolve(ac: LineAllowanceCharge, defaultBase: Decimal): Decimal {
  if (ac.amount) return ac.amount;
  if (ac.percentage) return percentageAmount(ac.baseAmount ?? defaultBase, ac.percentage);
  return ZERO;
}

/**
 * Computes line net amounts, allowances, charges, the VAT breakdown and the document totals of EN 16931 (BG-22, BG-23),
 * following the calculation rules BR-CO-10..17 and BR-S/Z/E/AE/K/G/O-08/09 so that the result satisfies them by
 * construction. VAT is computed per category and rate on the category total (BR-CO-17), never per line.
 */
export function computeTotals(content: InvoiceContent): ComputedAmounts {
  const lines = content.lines.map((line) => {
    const gross = roundAmount(
      line.baseQuantity && !line.baseQuantity.eq(ZERO)
        ? line.quantity.times(line.netPrice).div(line.baseQuantity)
        : line.quantity.times(line.netPrice),
    );
    // Without allowances and charges BT-131 is the same rounded product: most lines, and no second computation.
    if (line.allowances.length === 0 && line.charges.length === 0) {
      return { netAmount: gross, grossAmount: gross, allowances: [], charges: [] };
    }
    const allowances = line.allowances.map((a) => resolve(a, gross));
    const charges = line.charges.map((c) => resolve(c, gross));
    const netAmount = lineNetAmount({
      quantity: line.quantity,
      netPrice: line.netPrice,
      baseQuantity: line.baseQuantity ?? null,
      allowances,
      charges,
    });
    return { netAmount, grossAmount: gross, allowances, charges };
  });
  const lineNet = sumDecimals(lines.map((l) => l.netAmount));
  const allowances = content.allowances.map((a) => resolve(a, lineNet));
  const charges = content.charges.map((c) => resolve(c, lineNet));

  const groups = new Map<string, { category: VatCategory; rate: Decimal; taxable: Decimal }>();
  const add = (category: VatCategory, rate: Decimal, amount: Decimal) => {
    const key = `${category}|${rate.toFixed()}`;
    const group = groups.get(key);
    if (group) group.taxable = group.taxable.plus(amount);
    else groups.set(key, { category, rate, taxable: amount });
  };
  content.lines.forEach((line, i) => {
    add(line.vatCategory, line.vatRate, lines[i]?.netAmount ?? ZERO);
  });
  const addDoc = (list: readonly DocumentAllowanceCharge[], amounts: readonly Decimal[], sign: 1 | -1) => {
    list.forEach((ac, i) => {
      const amount = amounts[i] ?? ZERO;
      add(ac.vatCategory, ac.vatRate, sign === 1 ? amount : amount.neg());
    });
  };
  addDoc(content.charges, charges, 1);
  addDoc(content.allowances, allowances, -1);

  const vatBreakdown: VatBreakdown[] = [...groups.values()].map((g) => ({
    category: g.category,
    taxableAmount: g.taxable,
    taxAmount: TAXED.has(g.category) ? vatCategoryAmount(g.taxable, g.rate) : ZERO,
    ...(g.category === "O" ? {} : { rate: g.rate }),
    ...(content.exemptionReasons?.[g.category]
      ? { exemptionReason: content.exemptionReasons[g.category] }
      : {}),
  }));

  const allowanceTotal = sumDecimals(allowances);
  const chargeTotal = sumDecimals(charges);
  const taxExclusive = lineNet.minus(allowanceTotal).plus(chargeTotal);
  const tax = sumDecimals(vatBreakdown.map((b) => b.taxAmount ?? ZERO));
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
  return {
    lines,
    allowances,
    charges,
    vatBreakdown,
    totals,
    ...(content.taxCurrency
      ? { taxTotalInTaxCurrency: roundAmount(tax.times(content.taxCurrency.rate)) }
      : {}),
  };
}
