import type { Totals, VatBreakdown } from "../../core/invoice/invoice.ts";
import type { Decimal } from "../../core/money/decimal.ts";
import { cac, cacs, cbc, cbcDecimal, cbcText, decimalOf } from "./ubl-access.ts";
import { attributeOf, type XmlElement } from "./xml-element.ts";

/** What the TaxTotal and LegalMonetaryTotal elements say. */
export interface TaxTotalsRead {
  readonly totals: Totals;
  readonly vatBreakdown: VatBreakdown[];
  readonly taxTotalInTaxCurrency: Decimal | undefined;
}

function readSubtotal(subtotal: XmlElement): VatBreakdown {
  const category = cac(subtotal, "TaxCategory");
  return {
    taxableAmount: cbcDecimal(subtotal, "TaxableAmount"),
    taxAmount: cbcDecimal(subtotal, "TaxAmount"),
    category: cbcText(category, "ID"),
    rate: cbcDecimal(category, "Percent"),
    exemptionReason: cbcText(category, "TaxExemptionReason"),
    exemptionReasonCode: cbcText(category, "TaxExemptionReasonCode"),
  };
}

/**
 * BG-22 totals, BG-23 VAT breakdown and BT-111. A document may carry two TaxTotal elements: the one in the invoice
 * currency with the subtotals (BT-110) and, when a VAT accounting currency is set, one with only the amount in that
 * currency (BT-111). They are told apart by currencyID first, by the presence of subtotals second, by order last.
 * The breakdown holds the subtotals of every tax total, in document order.
 */
export function readTaxTotals(
  root: XmlElement,
  currency: string | undefined,
  taxCurrency: string | undefined,
): TaxTotalsRead {
  const taxTotals = cacs(root, "TaxTotal");
  const currencyOf = (t: XmlElement) => attributeOf(cbc(t, "TaxAmount"), "currencyID");
  const isForeign = (t: XmlElement) =>
    taxCurrency !== undefined && taxCurrency !== currency && currencyOf(t) === taxCurrency;
  const main =
    taxTotals.find((t) => cacs(t, "TaxSubtotal").length > 0) ??
    taxTotals.find((t) => !isForeign(t)) ??
    (taxTotals.length > 1 ? taxTotals[0] : undefined);
  const others = taxTotals.filter((t) => t !== main);
  const foreign = others.find(isForeign) ?? others.find((t) => cacs(t, "TaxSubtotal").length === 0);
  const monetary = cac(root, "LegalMonetaryTotal");
  return {
    totals: {
      lineNet: cbcDecimal(monetary, "LineExtensionAmount"),
      allowances: cbcDecimal(monetary, "AllowanceTotalAmount"),
      charges: cbcDecimal(monetary, "ChargeTotalAmount"),
      taxExclusive: cbcDecimal(monetary, "TaxExclusiveAmount"),
      tax: decimalOf(cbc(main, "TaxAmount")),
      taxInclusive: cbcDecimal(monetary, "TaxInclusiveAmount"),
      prepaid: cbcDecimal(monetary, "PrepaidAmount"),
      rounding: cbcDecimal(monetary, "PayableRoundingAmount"),
      payable: cbcDecimal(monetary, "PayableAmount"),
    },
    // Every TaxSubtotal counts, as in the schematron's `cac:TaxTotal/cac:TaxSubtotal` contexts, even in a second
    // tax total where Peppol forbids them (PEPPOL-EN16931-R053).
    vatBreakdown: taxTotals.flatMap((t) => cacs(t, "TaxSubtotal").map(readSubtotal)),
    taxTotalInTaxCurrency: decimalOf(cbc(foreign, "TaxAmount")),
  };
}
