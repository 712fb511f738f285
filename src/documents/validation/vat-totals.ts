import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { type Decimal, ZERO } from "../../core/money/decimal.ts";
import { normalized } from "./text.ts";

/** Sums of the amounts that carry one VAT category (and, in `byRate`, one VAT rate). */
export interface CategoryAmounts {
  /** Σ BT-131 of the lines in the category. */
  lineNet: Decimal;
  /** Σ BT-99 of the document level charges in the category. */
  charges: Decimal;
  /** Σ BT-92 of the document level allowances in the category. */
  allowances: Decimal;
}

/** Per-category facts the VAT category rules (BR-S/Z/E/AE/IC/G/O/AF/AG) need, gathered in one pass. */
export interface VatTotals {
  /** Categories of lines, of document allowances, of document charges (BT-151, BT-95, BT-102). */
  readonly lineCategories: ReadonlySet<string>;
  readonly allowanceCategories: ReadonlySet<string>;
  readonly chargeCategories: ReadonlySet<string>;
  /** Number of VAT breakdowns per category (BT-118). */
  readonly breakdownCount: ReadonlyMap<string, number>;
  /** Amounts per category. */
  readonly byCategory: ReadonlyMap<string, CategoryAmounts>;
  /** Amounts per category and rate; the key is {@link rateKey}. Only items that state a rate are counted. */
  readonly byCategoryAndRate: ReadonlyMap<string, CategoryAmounts>;
}

/** Key of a (category, rate) pair; rates compare as numbers, as `xs:decimal` values do (21 = 21.00). */
export function rateKey(category: string, rate: Decimal): string {
  return `${category}|${rate.toString()}`;
}

function amountsFor(map: Map<string, CategoryAmounts>, key: string): CategoryAmounts {
  let amounts = map.get(key);
  if (amounts === undefined) {
    amounts = { lineNet: ZERO, charges: ZERO, allowances: ZERO };
    map.set(key, amounts);
  }
  return amounts;
}

function add(
  byCategory: Map<string, CategoryAmounts>,
  byRate: Map<string, CategoryAmounts>,
  category: string,
  rate: Decimal | undefined,
  field: keyof CategoryAmounts,
  amount: Decimal | undefined,
): void {
  const own = amountsFor(byCategory, category);
  const withRate = rate === undefined ? undefined : amountsFor(byRate, rateKey(category, rate));
  if (amount === undefined) return;
  own[field] = own[field].plus(amount);
  if (withRate) withRate[field] = withRate[field].plus(amount);
}

/** One pass over lines, document allowances and charges, and the VAT breakdown. */
export function computeVatTotals(doc: InvoiceDocument): VatTotals {
  const lineCategories = new Set<string>();
  const allowanceCategories = new Set<string>();
  const chargeCategories = new Set<string>();
  const breakdownCount = new Map<string, number>();
  const byCategory = new Map<string, CategoryAmounts>();
  const byCategoryAndRate = new Map<string, CategoryAmounts>();
  for (const line of doc.lines) {
    if (line.vat.category === undefined) continue;
    const category = normalized(line.vat.category);
    lineCategories.add(category);
    add(byCategory, byCategoryAndRate, category, line.vat.rate, "lineNet", line.netAmount);
  }
  for (const allowance of doc.allowances) {
    if (allowance.vatCategory === undefined) continue;
    const category = normalized(allowance.vatCategory);
    allowanceCategories.add(category);
    add(byCategory, byCategoryAndRate, category, allowance.vatRate, "allowances", allowance.amount);
  }
  for (const charge of doc.charges) {
    if (charge.vatCategory === undefined) continue;
    const category = normalized(charge.vatCategory);
    chargeCategories.add(category);
    add(byCategory, byCategoryAndRate, category, charge.vatRate, "charges", charge.amount);
  }
  for (const breakdown of doc.vatBreakdown) {
    if (breakdown.category === undefined) continue;
    const category = normalized(breakdown.category);
    breakdownCount.set(category, (breakdownCount.get(category) ?? 0) + 1);
  }
  return {
    lineCategories,
    allowanceCategories,
    chargeCategories,
    breakdownCount,
    byCategory,
    byCategoryAndRate,
  };
}
