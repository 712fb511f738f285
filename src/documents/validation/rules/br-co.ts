import type { InvoiceLine, VatBreakdown } from "../../../core/invoice/invoice.ts";
import { ZERO } from "../../../core/money/decimal.ts";
import { hasVatPrefix } from "../code-lists/iso3166.ts";
import { vatIdentifierScope } from "../party-scopes.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import {
  anyPeriodScope,
  documentAllowanceScope,
  documentChargeScope,
  documentScope,
  lineAllowanceScope,
  lineChargeScope,
  linePeriodScope,
  lineScope,
  sellerScope,
  totalsScope,
  vatBreakdownScope,
} from "../scopes.ts";
import { exists } from "../text.ts";
import { HUNDREDTH, sign, sumAmounts, sumOf, withinOne, xpathRound, xpathRound2 } from "../xpath-math.ts";

const rule = ruleOf("BR-CO");
const lineNetAmount = (line: InvoiceLine) => line.netAmount;
const breakdownTaxAmount = (breakdown: VatBreakdown) => breakdown.taxAmount;
const hasReason = (ac: { reason?: string; reasonCode?: string }) =>
  exists(ac.reason) || exists(ac.reasonCode);

/** EN 16931 BR-CO-03..BR-CO-26: conditions and calculations. */
export const brCoRules: Rule<unknown>[] = [
  rule(documentScope, {
    id: "BR-CO-03",
    message:
      "Value added tax point date (BT-7) and Value added tax point date code (BT-8) are mutually exclusive.",
    test: (doc) =>
      !(exists(doc.taxPointDate) && exists(doc.invoicingPeriod?.descriptionCode ?? doc.taxPointDateCode)),
  }),
  rule(lineScope, {
    id: "BR-CO-04",
    message:
      "Each Invoice line (BG-25) shall be categorized with an Invoiced item VAT category code (BT-151).",
    at: "cac:Item/cac:ClassifiedTaxCategory/cbc:ID",
    test: (line) => exists(line.vat.category),
  }),
  rule(vatIdentifierScope, {
    id: "BR-CO-09",
    message:
      "The Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48) shall have a prefix in accordance with ISO code ISO 3166-1 alpha-2 by which the country of issue may be identified. Nevertheless, Greece may use the prefix ‘EL’.",
    test: ({ value }) => hasVatPrefix(value),
  }),
  rule(totalsScope, {
    id: "BR-CO-10",
    message: "Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131).",
    at: "cbc:LineExtensionAmount",
    test: (totals, ctx) => totals.lineNet?.eq(xpathRound2(sumOf(ctx.doc.lines, lineNetAmount))) ?? false,
  }),
  rule(totalsScope, {
    id: "BR-CO-11",
    message: "Sum of allowances on document level (BT-107) = Σ Document level allowance amount (BT-92).",
    at: "cbc:AllowanceTotalAmount",
    test: ({ allowances }, { doc }) =>
      allowances === undefined
        ? doc.allowances.length === 0
        : allowances.eq(xpathRound2(sumAmounts(doc.allowances))),
  }),
  rule(totalsScope, {
    id: "BR-CO-12",
    message: "Sum of charges on document level (BT-108) = Σ Document level charge amount (BT-99).",
    at: "cbc:ChargeTotalAmount",
    test: ({ charges }, { doc }) =>
      charges === undefined ? doc.charges.length === 0 : charges.eq(xpathRound2(sumAmounts(doc.charges))),
  }),
  rule(totalsScope, {
    id: "BR-CO-13",
    message:
      "Invoice total amount without VAT (BT-109) = Σ Invoice line net amount (BT-131) - Sum of allowances on document level (BT-107) + Sum of charges on document level (BT-108).",
    at: "cbc:TaxExclusiveAmount",
    test: ({ taxExclusive, lineNet, allowances, charges }) => {
      if (taxExclusive === undefined || lineNet === undefined) return false;
      if (allowances === undefined && charges === undefined) return taxExclusive.eq(lineNet);
      return taxExclusive.eq(xpathRound2(lineNet.plus(charges ?? ZERO).minus(allowances ?? ZERO)));
    },
  }),
  rule(documentScope, {
    id: "BR-CO-14",
    message: "Invoice total VAT amount (BT-110) = Σ VAT category tax amount (BT-117).",
    at: "cac:TaxTotal/cbc:TaxAmount",
    // Evaluated per cac:TaxTotal: only the one carrying the breakdown has subtotals to add up.
    test: ({ vatBreakdown, totals }) =>
      vatBreakdown.length === 0 ||
      (totals.tax?.eq(xpathRound2(sumOf(vatBreakdown, breakdownTaxAmount))) ?? false),
  }),
  rule(documentScope, {
    id: "BR-CO-15",
    message:
      "Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).",
    at: "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount",
    test: ({ currency, taxCurrency, totals, taxTotalInTaxCurrency }) => {
      // `every $Currency in cbc:DocumentCurrencyCode`: vacuously true without an invoice currency.
      if (currency === undefined) return true;
      // A second tax total that is not in a distinct VAT accounting currency is a second amount in the invoice
      // currency, and the schematron requires exactly one.
      const secondInInvoiceCurrency =
        taxTotalInTaxCurrency !== undefined && (taxCurrency === undefined || taxCurrency === currency);
      const { tax, taxExclusive, taxInclusive } = totals;
      if (secondInInvoiceCurrency || tax === undefined) return false;
      if (taxExclusive === undefined || taxInclusive === undefined) return false;
      return taxInclusive.eq(xpathRound2(taxExclusive.plus(tax)));
    },
  }),
  rule(totalsScope, {
    id: "BR-CO-16",
    message:
      "Amount due for payment (BT-115) = Invoice total amount with VAT (BT-112) -Paid amount (BT-113) +Rounding amount (BT-114).",
    at: "cbc:PayableAmount",
    test: ({ payable, taxInclusive, prepaid, rounding }) => {
      if (payable === undefined || taxInclusive === undefined) return false;
      const due = prepaid === undefined ? taxInclusive : xpathRound2(taxInclusive.minus(prepaid));
      const paid = rounding === undefined ? payable : xpathRound2(payable.minus(rounding));
      return paid.eq(due);
    },
  }),
  rule(vatBreakdownScope, {
    id: "BR-CO-17",
    message:
      "VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) x (VAT category rate (BT-119) / 100), rounded to two decimals.",
    at: "cbc:TaxAmount",
    test: ({ rate, taxAmount, taxableAmount }) => {
      if (taxAmount === undefined) return false;
      if (rate === undefined || sign(xpathRound(rate)) === 0) return sign(xpathRound(taxAmount)) === 0;
      if (taxableAmount === undefined) return false;
      return withinOne(taxAmount.abs(), xpathRound2(taxableAmount.abs().times(rate).times(HUNDREDTH)));
    },
  }),
  rule(documentScope, {
    id: "BR-CO-18",
    message: "An Invoice shall at least have one VAT breakdown group (BG-23).",
    test: (doc) => doc.vatBreakdown.length > 0,
  }),
  rule(anyPeriodScope, {
    id: "BR-CO-19",
    message:
      "If Invoicing period (BG-14) is used, the Invoicing period start date (BT-73) or the Invoicing period end date (BT-74) shall be filled, or both.",
    test: (period) => exists(period.start) || exists(period.end) || exists(period.descriptionCode),
  }),
  rule(linePeriodScope, {
    id: "BR-CO-20",
    message:
      "If Invoice line period (BG-26) is used, the Invoice line period start date (BT-134) or the Invoice line period end date (BT-135) shall be filled, or both.",
    test: (period) => exists(period.start) || exists(period.end),
  }),
  rule(documentAllowanceScope, {
    id: "BR-CO-21",
    message:
      "Each Document level allowance (BG-20) shall contain a Document level allowance reason (BT-97) or a Document level allowance reason code (BT-98), or both.",
    test: hasReason,
  }),
  rule(documentChargeScope, {
    id: "BR-CO-22",
    message:
      "Each Document level charge (BG-21) shall contain a Document level charge reason (BT-104) or a Document level charge reason code (BT-105), or both.",
    test: hasReason,
  }),
  rule(lineAllowanceScope, {
    id: "BR-CO-23",
    message:
      "Each Invoice line allowance (BG-27) shall contain an Invoice line allowance reason (BT-139) or an Invoice line allowance reason code (BT-140), or both.",
    test: hasReason,
  }),
  rule(lineChargeScope, {
    id: "BR-CO-24",
    message:
      "Each Invoice line charge (BG-28) shall contain an Invoice line charge reason (BT-144) or an Invoice line charge reason code (BT-145), or both.",
    test: hasReason,
  }),
  rule(totalsScope, {
    id: "BR-CO-25",
    message:
      "In case the Amount due for payment (BT-115) is positive, either the Payment due date (BT-9) or the Payment terms (BT-20) shall be present.",
    at: "cbc:PayableAmount",
    // The CEN context is /ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount: credit notes are not checked.
    applies: (totals, ctx) => ctx.doc.kind === "invoice" && totals.payable !== undefined,
    test: (totals, { doc }) =>
      totals.payable === undefined ||
      sign(totals.payable) <= 0 ||
      exists(doc.dueDate) ||
      exists(doc.paymentTerms),
  }),
  rule(sellerScope, {
    id: "BR-CO-26",
    message:
      "In order for the buyer to automatically identify a supplier, the Seller identifier (BT-29), the Seller legal registration identifier (BT-30) and/or the Seller VAT identifier (BT-31) shall be present.",
    test: (seller) =>
      exists(seller.vatNumber) || seller.identifiers.length > 0 || exists(seller.legalRegistration),
  }),
];
