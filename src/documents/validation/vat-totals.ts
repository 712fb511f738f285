import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { type Decimal, ZERO } from "../../core/money/decimal.ts";
import { DecimalSum } from "../../core/money/decimal-sum.ts";
import { normalized } from "./text.ts";

/** Sums of the amounts that carry one VAT category (and, in `atRate`, one VAT rate). */
export interface CategoryAmounts {
  /** Σ BT-131 of the lines in the category. */
  readonly lineNet: Decimal;
  /** Σ BT-99 of the document level charges in the category. */
  readonly charges: Decimal;
  /** Σ BT-92 of the document level allowances in the category. */
  readonly allowances: Decimal;
}

/** The categories met in a part of the document. */
export interface Categories {
  has(category: string): boolean;
}

/** Per-category facts the VAT category rules (BR-S/Z/E/AE/IC/G/O/AF/AG) need, gathered in one pass. */
export interface VatTotals {
  /** Categories of lines, of document allowances, of document charges (BT-151, BT-95, BT-102). */
  readonly lineCategories: Categories;
  readonly allowanceCategories: Categories;
  readonly chargeCategories: Categories;
  /** Number of VAT breakdowns of a category (BT-118), 0 when it has none. */
  breakdownsOf(category: string): number;
  /** Amounts of a category, undefined when no item has it. */
  amountsOf(category: string): CategoryAmounts | undefined;
  /**
   * Amounts per category and rate; rates compare as numbers, as `xs:decimal` values do (21 = 21.00). Only items that
   * state a rate are counted.
   */
  atRate(category: string, rate: Decimal): CategoryAmounts | undefined;
}

/*
 * Linked nodes and fields, not Sets, Maps or arrays: a document has one to a few categories, and the three Sets and
 * three Maps (with a `category|rate` text key per line) built for every validation were some 100 MB of garbage per
 * 100,000 invoices; an array's first push allocates room for 16 elements.
 */

/** Categories met, each once: the first in a field, any other in a list. */
class CategoryList implements Categories {
  private first: string | undefined;
  private others: string[] | undefined;

  add(category: string): void {
    if (this.first === undefined) this.first = category;
    else if (this.others === undefined) {
      if (category !== this.first) this.others = [category];
    } else if (!this.has(category)) this.others.push(category);
  }

  has(category: string): boolean {
    return category === this.first || (this.others?.includes(category) ?? false);
  }
}

/** Running sums of one category, or of one category and rate; a link of its list. */
class Sums {
  readonly lineNet = new DecimalSum();
  /** Created with the first one: few documents have document level charges or allowances. */
  charges: DecimalSum | undefined;
  allowances: DecimalSum | undefined;
  /** The final sums, set once every item was added. */
  amounts: CategoryAmounts | undefined;

  constructor(
    readonly category: string,
    readonly rate: Decimal | undefined,
    readonly next: Sums | undefined,
  ) {}

  add(field: Field, amount: Decimal): void {
    if (field === "lineNet") {
      this.lineNet.add(amount);
    } else if (field === "charges") {
      this.charges ??= new DecimalSum();
      this.charges.add(amount);
    } else {
      this.allowances ??= new DecimalSum();
      this.allowances.add(amount);
    }
  }

  close(): void {
    this.amounts = {
      lineNet: this.lineNet.value(),
      charges: this.charges?.value() ?? ZERO,
      allowances: this.allowances?.value() ?? ZERO,
    };
  }
}

/** The number of VAT breakdowns of a category; a link of its list. */
class BreakdownCount {
  count = 1;

  constructor(
    readonly category: string,
    readonly next: BreakdownCount | undefined,
  ) {}
}

type Field = "lineNet" | "charges" | "allowances";

class Totals implements VatTotals {
  readonly lineCategories = new CategoryList();
  readonly allowanceCategories = new CategoryList();
  readonly chargeCategories = new CategoryList();
  private breakdowns: BreakdownCount | undefined;
  private sums: Sums | undefined;
  private sumsAtRate: Sums | undefined;

  breakdownsOf(category: string): number {
    for (let b = this.breakdowns; b !== undefined; b = b.next) if (b.category === category) return b.count;
    return 0;
  }

  amountsOf(category: string): CategoryAmounts | undefined {
    for (let s = this.sums; s !== undefined; s = s.next) if (s.category === category) return s.amounts;
    return undefined;
  }

  atRate(category: string, rate: Decimal): CategoryAmounts | undefined {
    for (let s = this.sumsAtRate; s !== undefined; s = s.next)
      if (s.category === category && s.rate?.eq(rate)) return s.amounts;
    return undefined;
  }

  add(category: string, rate: Decimal | undefined, field: Field, amount: Decimal | undefined): void {
    let own = this.sums;
    while (own !== undefined && own.category !== category) own = own.next;
    if (own === undefined) {
      own = new Sums(category, undefined, this.sums);
      this.sums = own;
    }
    let withRate: Sums | undefined;
    if (rate !== undefined) {
      withRate = this.sumsAtRate;
      while (withRate !== undefined && !(withRate.category === category && withRate.rate?.eq(rate)))
        withRate = withRate.next;
      if (withRate === undefined) {
        withRate = new Sums(category, rate, this.sumsAtRate);
        this.sumsAtRate = withRate;
      }
    }
    if (amount === undefined) return;
    own.add(field, amount);
    withRate?.add(field, amount);
  }

  countBreakdown(category: string): void {
    for (let b = this.breakdowns; b !== undefined; b = b.next) {
      if (b.category === category) {
        b.count++;
        return;
      }
    }
    this.breakdowns = new BreakdownCount(category, this.breakdowns);
  }

  /** Turns the running sums into amounts: called once, after every item was added. */
  close(): void {
    for (let s = this.sums; s !== undefined; s = s.next) s.close();
    for (let s = this.sumsAtRate; s !== undefined; s = s.next) s.close();
  }
}

/** One pass over lines, document allowances and charges, and the VAT breakdown. */
export function computeVatTotals(doc: InvoiceDocument): VatTotals {
  const totals = new Totals();
  for (const line of doc.lines) {
    if (line.vat.category === undefined) continue;
    const category = normalized(line.vat.category);
    totals.lineCategories.add(category);
    totals.add(category, line.vat.rate, "lineNet", line.netAmount);
  }
  for (const allowance of doc.allowances) {
    if (allowance.vatCategory === undefined) continue;
    const category = normalized(allowance.vatCategory);
    totals.allowanceCategories.add(category);
    totals.add(category, allowance.vatRate, "allowances", allowance.amount);
  }
  for (const charge of doc.charges) {
    if (charge.vatCategory === undefined) continue;
    const category = normalized(charge.vatCategory);
    totals.chargeCategories.add(category);
    totals.add(category, charge.vatRate, "charges", charge.amount);
  }
  for (const breakdown of doc.vatBreakdown) {
    if (breakdown.category !== undefined) totals.countBreakdown(normalized(breakdown.category));
  }
  totals.close();
  return totals;
}
