import { dec, ONE, ZERO } from "../../../core/money/decimal.ts";
import { allowanceChargeScope } from "../element-scopes.ts";
import { bothPartiesInGermany } from "../party-country.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import {
  buyerScope,
  documentScope,
  linePeriodScope,
  lineScope,
  paymentMeansScope,
  sellerScope,
} from "../scopes.ts";
import { exists, normalized } from "../text.ts";
import { HUNDREDTH, sign, sumAmounts, withinSlack, xpathRound2 } from "../xpath-math.ts";

const rule = ruleOf("PEPPOL");
const CENT2 = dec("0.02");

/** Peppol's `$profile`: 01 for billing (and the French billing profiles), 02 for billing with response. */
export function peppolProfile(profileId: string | undefined): "01" | "02" | "Unknown" {
  switch (normalized(profileId)) {
    case "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0":
    case "urn:peppol:france:billing:regulated":
    case "urn:peppol:france:billing:non-regulated":
      return "01";
    case "urn:peppol:bis:billing_with_response":
      return "02";
    default:
      return "Unknown";
  }
}

const CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

/** Peppol BIS Billing 3.0 transaction rules PEPPOL-EN16931-R*. */
export const peppolRules: Rule<unknown>[] = [
  rule(documentScope, {
    id: "PEPPOL-EN16931-R001",
    message: "Business process MUST be provided.",
    at: "cbc:ProfileID",
    test: (doc) => exists(doc.profileId),
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-R007",
    message: "Business process MUST have an approved identifier.",
    at: "cbc:ProfileID",
    test: (doc) => peppolProfile(doc.profileId) !== "Unknown",
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-R002",
    message:
      "No more than one note is allowed on document level, unless both the buyer and seller are German organizations.",
    at: "cbc:Note",
    test: (doc) => doc.notes.length <= 1 || bothPartiesInGermany(doc),
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-R003",
    message: "A buyer reference or purchase order reference MUST be provided.",
    // A sales order reference implies cac:OrderReference, whose cbc:ID the reader drops when it is a placeholder.
    test: (doc) =>
      exists(doc.buyerReference) || exists(doc.orderReference) || exists(doc.salesOrderReference),
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-R004",
    message:
      "Specification identifier MUST begin with the value 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0' and follow the format rules for the identifier.",
    at: "cbc:CustomizationID",
    test: (doc) => {
      const id = normalized(doc.customizationId);
      return id.startsWith(CUSTOMIZATION) && !id.includes("::");
    },
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-R053",
    message: "Only one tax total with tax subtotals MUST be provided.",
    at: "cac:TaxTotal",
    // The model keeps the subtotals of one tax total, so only the absence of any can be seen.
    test: (doc) => doc.vatBreakdown.length > 0,
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-R054",
    message: "Only one tax total without tax subtotals MUST be provided when tax currency code is provided.",
    at: "cac:TaxTotal",
    test: (doc) => {
      const withoutSubtotals =
        (doc.vatBreakdown.length === 0 && doc.totals.tax !== undefined ? 1 : 0) +
        (doc.taxTotalInTaxCurrency !== undefined ? 1 : 0);
      return withoutSubtotals === (doc.taxCurrency !== undefined ? 1 : 0);
    },
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-R055",
    message:
      "Invoice total VAT amount and Invoice total VAT amount in accounting currency MUST have the same operational sign",
    at: "cac:TaxTotal/cbc:TaxAmount",
    test: ({ taxCurrency, totals, taxTotalInTaxCurrency }) => {
      if (taxCurrency === undefined) return true;
      if (totals.tax === undefined || taxTotalInTaxCurrency === undefined) return false;
      return (
        (sign(totals.tax) <= 0 && sign(taxTotalInTaxCurrency) <= 0) ||
        (sign(totals.tax) >= 0 && sign(taxTotalInTaxCurrency) >= 0)
      );
    },
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-R005",
    message: "VAT accounting currency code MUST be different from invoice currency code when provided.",
    at: "cbc:TaxCurrencyCode",
    applies: (doc) => doc.taxCurrency !== undefined,
    test: (doc) => normalized(doc.taxCurrency) !== normalized(doc.currency),
  }),
  rule(buyerScope, {
    id: "PEPPOL-EN16931-R010",
    message: "Buyer electronic address MUST be provided",
    at: "cbc:EndpointID",
    test: (buyer) => exists(buyer.endpoint),
  }),
  rule(sellerScope, {
    id: "PEPPOL-EN16931-R020",
    message: "Seller electronic address MUST be provided",
    at: "cbc:EndpointID",
    test: (seller) => exists(seller.endpoint),
  }),
  rule(allowanceChargeScope, {
    id: "PEPPOL-EN16931-R041",
    message: "Allowance/charge base amount MUST be provided when allowance/charge percentage is provided.",
    at: "cbc:BaseAmount",
    test: (ac) => !(ac.percentage !== undefined && ac.baseAmount === undefined),
  }),
  rule(allowanceChargeScope, {
    id: "PEPPOL-EN16931-R042",
    message: "Allowance/charge percentage MUST be provided when allowance/charge base amount is provided.",
    at: "cbc:MultiplierFactorNumeric",
    test: (ac) => !(ac.percentage === undefined && ac.baseAmount !== undefined),
  }),
  rule(allowanceChargeScope, {
    id: "PEPPOL-EN16931-R040",
    message:
      "Allowance/charge amount must equal base amount * percentage/100 if base amount and percentage exists",
    at: "cbc:Amount",
    test: ({ amount, baseAmount, percentage }) =>
      percentage === undefined ||
      baseAmount === undefined ||
      withinSlack(amount ?? ZERO, baseAmount.times(percentage).times(HUNDREDTH), CENT2),
  }),
  rule(paymentMeansScope, {
    id: "PEPPOL-EN16931-R061",
    message: "Mandate reference MUST be provided for direct debit.",
    at: "cac:PaymentMandate/cbc:ID",
    applies: (means) => normalized(means.code) === "49" || normalized(means.code) === "59",
    test: (means) => exists(means.directDebit?.mandateId),
  }),
  rule(linePeriodScope, {
    id: "PEPPOL-EN16931-R110",
    message: "Start date of line period MUST be within invoice period.",
    at: "cbc:StartDate",
    applies: (period, ctx) => period.start !== undefined && ctx.doc.invoicingPeriod?.start !== undefined,
    test: (period, ctx) => (period.start ?? "") >= (ctx.doc.invoicingPeriod?.start ?? ""),
  }),
  rule(linePeriodScope, {
    id: "PEPPOL-EN16931-R111",
    message: "End date of line period MUST be within invoice period.",
    at: "cbc:EndDate",
    applies: (period, ctx) => period.end !== undefined && ctx.doc.invoicingPeriod?.end !== undefined,
    test: (period, ctx) => (period.end ?? "") <= (ctx.doc.invoicingPeriod?.end ?? ""),
  }),
  rule(lineScope, {
    id: "PEPPOL-EN16931-R120",
    message:
      "Invoice line net amount MUST equal (Invoiced quantity * (Item net price/item price base quantity) + Sum of invoice line charge amount - sum of invoice line allowance amount",
    at: "cbc:LineExtensionAmount",
    test: (line) => {
      const { baseQuantity, netPrice } = line.price;
      const base = baseQuantity && sign(baseQuantity) !== 0 ? baseQuantity : ONE;
      const expected = (line.quantity ?? ONE).times(netPrice ?? ZERO);
      let net = line.netAmount ?? ZERO;
      if (line.charges.length > 0 || line.allowances.length > 0) {
        net = net.minus(xpathRound2(sumAmounts(line.charges))).plus(xpathRound2(sumAmounts(line.allowances)));
      }
      // |net - charges + allowances - q * price / base| <= 0.02, multiplied through by |base| (|x| * |b| = |x * b|)
      // so that no division is needed.
      // Equal (a net amount of at most two decimals, as quantity x price usually gives) is within any slack.
      if (base === ONE && net.eq(expected)) return true;
      let slack = CENT2;
      if (base !== ONE) {
        net = net.times(base);
        slack = CENT2.times(base.abs());
      }
      return net.minus(expected).abs().lte(slack);
    },
  }),
  rule(lineScope, {
    id: "PEPPOL-EN16931-R121",
    message: "Base quantity MUST be a positive number above zero.",
    at: "cac:Price/cbc:BaseQuantity",
    test: (line) => line.price.baseQuantity === undefined || sign(line.price.baseQuantity) > 0,
  }),
  rule(lineScope, {
    id: "PEPPOL-EN16931-R046",
    message: "Item net price MUST equal (Gross price - Allowance amount) when gross price is provided.",
    at: "cac:Price/cac:AllowanceCharge",
    test: ({ price }) =>
      price.grossPrice === undefined ||
      (price.netPrice !== undefined &&
        price.discount !== undefined &&
        price.netPrice.eq(price.grossPrice.minus(price.discount))),
  }),
  rule(lineScope, {
    id: "PEPPOL-EN16931-R130",
    message: "Unit code of price base quantity MUST be same as invoiced quantity.",
    at: "cac:Price/cbc:BaseQuantity/@unitCode",
    applies: (line) => line.price.baseUnitCode !== undefined && line.quantity !== undefined,
    test: (line) => line.price.baseUnitCode === line.unitCode,
  }),
];
