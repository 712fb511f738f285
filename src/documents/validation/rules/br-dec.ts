import { type Decimal, decimalPlaces } from "../../../core/money/decimal.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import type { Scope } from "../scope.ts";
import {
  documentAllowanceScope,
  documentChargeScope,
  lineAllowanceScope,
  lineChargeScope,
  lineScope,
  totalsScope,
  vatBreakdownScope,
} from "../scopes.ts";

const rule = ruleOf("BR-DEC");

/**
 * `string-length(substring-after(x, '.')) <= 2`. The model keeps the value, not the lexical form, so trailing zeros
 * ("1.000") are not seen; every digit that changes the value is.
 */
export function atMostTwoDecimals(value: Decimal | undefined): boolean {
  return value === undefined || decimalPlaces(value) <= 2;
}

function decimals<T>(
  scope: Scope<T>,
  id: string,
  term: string,
  at: string,
  pick: (node: T) => Decimal | undefined,
): Rule<T> {
  return rule(scope, {
    id,
    message: `The allowed maximum number of decimals for the ${term} is 2.`,
    at,
    test: (node) => atMostTwoDecimals(pick(node)),
  });
}

/**
 * EN 16931 BR-DEC-*: at most two decimals in amounts. BR-DEC-13 and BR-DEC-15 are absent on purpose: their
 * official tests select `TaxAmount[@currencyID = cbc:DocumentCurrencyCode]` relative to the TaxAmount element,
 * which never matches, so the official rules can never fail.
 */
export const brDecRules: Rule<unknown>[] = [
  decimals(
    documentAllowanceScope,
    "BR-DEC-01",
    "Document level allowance amount (BT-92)",
    "cbc:Amount",
    (a) => a.amount,
  ),
  decimals(
    documentAllowanceScope,
    "BR-DEC-02",
    "Document level allowance base amount (BT-93)",
    "cbc:BaseAmount",
    (a) => a.baseAmount,
  ),
  decimals(
    documentChargeScope,
    "BR-DEC-05",
    "Document level charge amount (BT-99)",
    "cbc:Amount",
    (c) => c.amount,
  ),
  decimals(
    documentChargeScope,
    "BR-DEC-06",
    "Document level charge base amount (BT-100)",
    "cbc:BaseAmount",
    (c) => c.baseAmount,
  ),
  decimals(
    totalsScope,
    "BR-DEC-09",
    "Sum of Invoice line net amount (BT-106)",
    "cbc:LineExtensionAmount",
    (t) => t.lineNet,
  ),
  decimals(
    totalsScope,
    "BR-DEC-10",
    "Sum of allowanced on document level (BT-107)",
    "cbc:AllowanceTotalAmount",
    (t) => t.allowances,
  ),
  decimals(
    totalsScope,
    "BR-DEC-11",
    "Sum of charges on document level (BT-108)",
    "cbc:ChargeTotalAmount",
    (t) => t.charges,
  ),
  decimals(
    totalsScope,
    "BR-DEC-12",
    "Invoice total amount without VAT (BT-109)",
    "cbc:TaxExclusiveAmount",
    (t) => t.taxExclusive,
  ),
  decimals(
    totalsScope,
    "BR-DEC-14",
    "Invoice total amount with VAT (BT-112)",
    "cbc:TaxInclusiveAmount",
    (t) => t.taxInclusive,
  ),
  decimals(totalsScope, "BR-DEC-16", "Paid amount (BT-113)", "cbc:PrepaidAmount", (t) => t.prepaid),
  decimals(
    totalsScope,
    "BR-DEC-17",
    "Rounding amount (BT-114)",
    "cbc:PayableRoundingAmount",
    (t) => t.rounding,
  ),
  decimals(
    totalsScope,
    "BR-DEC-18",
    "Amount due for payment (BT-115)",
    "cbc:PayableAmount",
    (t) => t.payable,
  ),
  decimals(
    vatBreakdownScope,
    "BR-DEC-19",
    "VAT category taxable amount (BT-116)",
    "cbc:TaxableAmount",
    (b) => b.taxableAmount,
  ),
  decimals(
    vatBreakdownScope,
    "BR-DEC-20",
    "VAT category tax amount (BT-117)",
    "cbc:TaxAmount",
    (b) => b.taxAmount,
  ),
  decimals(
    lineScope,
    "BR-DEC-23",
    "Invoice line net amount (BT-131)",
    "cbc:LineExtensionAmount",
    (l) => l.netAmount,
  ),
  decimals(
    lineAllowanceScope,
    "BR-DEC-24",
    "Invoice line allowance amount (BT-136)",
    "cbc:Amount",
    (a) => a.amount,
  ),
  decimals(
    lineAllowanceScope,
    "BR-DEC-25",
    "Invoice line allowance base amount (BT-137)",
    "cbc:BaseAmount",
    (a) => a.baseAmount,
  ),
  decimals(
    lineChargeScope,
    "BR-DEC-27",
    "Invoice line charge amount (BT-141)",
    "cbc:Amount",
    (c) => c.amount,
  ),
  decimals(
    lineChargeScope,
    "BR-DEC-28",
    "Invoice line charge base amount (BT-142)",
    "cbc:BaseAmount",
    (c) => c.baseAmount,
  ),
];
