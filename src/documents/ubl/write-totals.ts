import type { AllowanceCharge, InvoiceDocument } from "../../core/invoice/invoice.ts";
import type { Decimal } from "../../core/money/decimal.ts";
import type { XmlBuilder } from "./xml-builder.ts";

// Writers of amounts receive `currencyId`, the currencyID attribute rendered once per document (` currencyID="EUR"`),
// rather than the code: it is the same for every amount.

/** A cac:TaxCategory / cac:ClassifiedTaxCategory with the VAT tax scheme. */
export function writeTaxCategory(
  b: XmlBuilder,
  tag: string,
  category: { category?: string | undefined; rate?: Decimal | undefined },
  field: string,
  exemption?: { reason?: string; code?: string },
): void {
  b.open(tag).leaf("cbc:ID", category.category, field).decimal("cbc:Percent", category.rate);
  if (exemption) {
    b.leaf("cbc:TaxExemptionReasonCode", exemption.code, "exemptionReasonCode").leaf(
      "cbc:TaxExemptionReason",
      exemption.reason,
      "exemptionReason",
    );
  }
  b.open("cac:TaxScheme").leaf("cbc:ID", "VAT", field).close("cac:TaxScheme").close(tag);
}

/**
 * BG-20/21 (with VAT category, document level) or BG-27/28 (line level) as cac:AllowanceCharge, in UBL order:
 * ChargeIndicator, reason code, reason, MultiplierFactorNumeric, Amount, BaseAmount, TaxCategory.
 */
export function writeAllowanceCharge(
  b: XmlBuilder,
  ac: AllowanceCharge,
  isCharge: boolean,
  currencyId: string,
  withVat: boolean,
): void {
  b.open("cac:AllowanceCharge")
    .leaf("cbc:ChargeIndicator", isCharge ? "true" : "false", "chargeIndicator")
    .leaf("cbc:AllowanceChargeReasonCode", ac.reasonCode, "reasonCode")
    .leaf("cbc:AllowanceChargeReason", ac.reason, "reason")
    .decimal("cbc:MultiplierFactorNumeric", ac.percentage)
    .amount("cbc:Amount", ac.amount, currencyId)
    .amount("cbc:BaseAmount", ac.baseAmount, currencyId);
  if (withVat)
    writeTaxCategory(b, "cac:TaxCategory", { category: ac.vatCategory, rate: ac.vatRate }, "vatCategory");
  b.close("cac:AllowanceCharge");
}

/**
 * BG-23 as the TaxTotal in invoice currencyId with its subtotals (BT-110), then BT-111 as a second TaxTotal in the
 * VAT accounting currencyId without subtotals, then BG-22 as cac:LegalMonetaryTotal.
 */
export function writeTotals(
  b: XmlBuilder,
  doc: InvoiceDocument,
  currencyId: string,
  taxCurrencyId: string,
): void {
  if (doc.totals.tax !== undefined || doc.vatBreakdown.length > 0) {
    b.open("cac:TaxTotal").amount("cbc:TaxAmount", doc.totals.tax, currencyId);
    doc.vatBreakdown.forEach((v, i) => {
      b.section = `vatBreakdown[${i}]`;
      b.open("cac:TaxSubtotal")
        .amount("cbc:TaxableAmount", v.taxableAmount, currencyId)
        .amount("cbc:TaxAmount", v.taxAmount, currencyId);
      writeTaxCategory(b, "cac:TaxCategory", { category: v.category, rate: v.rate }, "category", {
        reason: v.exemptionReason,
        code: v.exemptionReasonCode,
      });
      b.close("cac:TaxSubtotal");
    });
    b.section = "";
    b.close("cac:TaxTotal");
  }
  if (doc.taxTotalInTaxCurrency !== undefined) {
    b.open("cac:TaxTotal")
      .amount("cbc:TaxAmount", doc.taxTotalInTaxCurrency, taxCurrencyId)
      .close("cac:TaxTotal");
  }
  const t = doc.totals;
  b.open("cac:LegalMonetaryTotal")
    .amount("cbc:LineExtensionAmount", t.lineNet, currencyId)
    .amount("cbc:TaxExclusiveAmount", t.taxExclusive, currencyId)
    .amount("cbc:TaxInclusiveAmount", t.taxInclusive, currencyId)
    .amount("cbc:AllowanceTotalAmount", t.allowances, currencyId)
    .amount("cbc:ChargeTotalAmount", t.charges, currencyId)
    .amount("cbc:PrepaidAmount", t.prepaid, currencyId)
    .amount("cbc:PayableRoundingAmount", t.rounding, currencyId)
    .amount("cbc:PayableAmount", t.payable, currencyId)
    .close("cac:LegalMonetaryTotal");
}
