import { type Decimal, ZERO } from "../../../core/money/decimal.ts";
import type { Rule, RuleFamily } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import {
  documentAllowanceScope,
  documentChargeScope,
  documentScope,
  lineScope,
  vatBreakdownScope,
} from "../scopes.ts";
import { exists, normalized } from "../text.ts";
import type { ValidationContext } from "../validation-context.ts";
import { HUNDREDTH, sign, withinOne, xpathRound2 } from "../xpath-math.ts";

/** How one VAT category's ten rules differ from another's; the texts are the official messages, by rule number. */
export interface VatCategorySpec {
  readonly family: RuleFamily;
  /** UNCL 5305 code: S, Z, E, AE, K, G, O, L, M. */
  readonly code: string;
  /**
   * -01: `at-least-one` breakdown when the category is used and none otherwise (S, L, M); `exactly-one` breakdown
   * whenever the category appears anywhere, breakdown included (Z, E, AE, K, G, O).
   */
  readonly breakdown: "at-least-one" | "exactly-one";
  /** -02/-03/-04: the party identifiers a line, allowance or charge in this category requires (or forbids). */
  readonly identified: (ctx: ValidationContext) => boolean;
  /** -05/-06/-07: the rate a line, allowance or charge in this category must state. */
  readonly rate: "positive" | "zero" | "non-negative" | "absent";
  /**
   * -08/-09: `per-rate` (S, L, M): taxable amount per rate within one unit of the sum, tax = taxable x rate within
   * one unit; `exact` (the exempt categories): taxable amount equal to the sum, tax amount zero.
   */
  readonly amounts: "per-rate" | "exact";
  /** -10: exemption reason text or code `required` (exempt categories) or `forbidden` (taxed ones). */
  readonly exemption: "required" | "forbidden";
  /** Official messages of rules 01 to 10, in order. */
  readonly messages: readonly [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  /** S requires, for -08, an item at the breakdown's rate; L and M only require that the invoice has lines. */
  readonly perRateNeedsItem?: boolean;
}

function rateOk(kind: VatCategorySpec["rate"], rate: Decimal | undefined): boolean {
  switch (kind) {
    case "absent":
      return rate === undefined;
    case "positive":
      return rate !== undefined && sign(rate) > 0;
    case "zero":
      return rate !== undefined && sign(rate) === 0;
    case "non-negative":
      return rate !== undefined && sign(rate) >= 0;
  }
}

/** The ten rules BR-X-01..BR-X-10 of one VAT category, built from its specification. */
export function vatCategoryRules(spec: VatCategorySpec): Rule<unknown>[] {
  const rule = ruleOf(spec.family);
  const id = (n: number) => `${spec.family}-${String(n).padStart(2, "0")}`;
  const message = (n: number) => spec.messages[n - 1] ?? "";
  // A category written as its code needs no normalising (the code has no space): most lines and breakdowns.
  const is = (category: string | undefined) =>
    category === spec.code || (category !== undefined && normalized(category) === spec.code);
  return [
    rule(documentScope, {
      id: id(1),
      message: message(1),
      test: (_doc, { vat }) => {
        const used =
          vat.lineCategories.has(spec.code) ||
          vat.allowanceCategories.has(spec.code) ||
          vat.chargeCategories.has(spec.code);
        const breakdowns = vat.breakdownsOf(spec.code);
        if (spec.breakdown === "at-least-one") return used === breakdowns > 0;
        return !(used || breakdowns > 0) || breakdowns === 1;
      },
    }),
    rule(documentScope, {
      id: id(2),
      message: message(2),
      applies: (_doc, ctx) => ctx.vat.lineCategories.has(spec.code),
      test: (_doc, ctx) => spec.identified(ctx),
    }),
    rule(documentScope, {
      id: id(3),
      message: message(3),
      applies: (_doc, ctx) => ctx.vat.allowanceCategories.has(spec.code),
      test: (_doc, ctx) => spec.identified(ctx),
    }),
    rule(documentScope, {
      id: id(4),
      message: message(4),
      applies: (_doc, ctx) => ctx.vat.chargeCategories.has(spec.code),
      test: (_doc, ctx) => spec.identified(ctx),
    }),
    rule(lineScope, {
      id: id(5),
      message: message(5),
      at: "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent",
      applies: (line) => is(line.vat.category),
      test: (line) => rateOk(spec.rate, line.vat.rate),
    }),
    rule(documentAllowanceScope, {
      id: id(6),
      message: message(6),
      at: "cac:TaxCategory/cbc:Percent",
      applies: (allowance) => is(allowance.vatCategory),
      test: (allowance) => rateOk(spec.rate, allowance.vatRate),
    }),
    rule(documentChargeScope, {
      id: id(7),
      message: message(7),
      at: "cac:TaxCategory/cbc:Percent",
      applies: (charge) => is(charge.vatCategory),
      test: (charge) => rateOk(spec.rate, charge.vatRate),
    }),
    rule(vatBreakdownScope, {
      id: id(8),
      message: message(8),
      at: "cbc:TaxableAmount",
      applies: (breakdown) => is(breakdown.category),
      test: ({ rate, taxableAmount }, ctx) => {
        if (spec.amounts === "exact") {
          const sums = ctx.vat.amountsOf(spec.code);
          const expected = sums ? sums.lineNet.plus(sums.charges).minus(sums.allowances) : ZERO;
          return ctx.doc.lines.length > 0 && taxableAmount !== undefined && taxableAmount.eq(expected);
        }
        // `every $rate in xs:decimal(cbc:Percent)`: nothing to check without a rate.
        if (rate === undefined) return true;
        const sums = ctx.vat.atRate(spec.code, rate);
        const itemAtRate = spec.perRateNeedsItem ? sums !== undefined : ctx.doc.lines.length > 0;
        const expected = sums ? sums.lineNet.plus(sums.charges).minus(sums.allowances) : ZERO;
        return itemAtRate && taxableAmount !== undefined && withinOne(taxableAmount, expected);
      },
    }),
    rule(vatBreakdownScope, {
      id: id(9),
      message: message(9),
      at: "cbc:TaxAmount",
      applies: (breakdown) => is(breakdown.category),
      test: ({ rate, taxAmount, taxableAmount }) => {
        if (spec.amounts === "exact") return taxAmount !== undefined && sign(taxAmount) === 0;
        if (rate === undefined || taxAmount === undefined || taxableAmount === undefined) return false;
        return withinOne(taxAmount.abs(), xpathRound2(taxableAmount.abs().times(rate).times(HUNDREDTH)));
      },
    }),
    rule(vatBreakdownScope, {
      id: id(10),
      message: message(10),
      at: "cac:TaxCategory",
      applies: (breakdown) => is(breakdown.category),
      test: (breakdown) => {
        const stated = exists(breakdown.exemptionReason) || exists(breakdown.exemptionReasonCode);
        return spec.exemption === "required" ? stated : !stated;
      },
    }),
  ];
}
