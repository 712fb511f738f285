import type { AllowanceCharge, InvoiceDocument } from "../../core/invoice/invoice.ts";
import type { Decimal } from "../../core/money/decimal.ts";
import type { XmlBuilder } from "./xml-builder.ts";

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
  currency: string,
  withVat: boolean,
): void {
  b.open("cac:AllowanceCharge")
    .leaf("cbc:ChargeIndicator", isCharge ? "true" : "false", "chargeIndicator")
    .leaf("cbc:AllowanceChargeReasonCode", ac.reasonCode, "reasonCode")
    .leaf("cbc:AllowanceChargeReason", ac.reason, "reason")
    .decimal("cbc:MultiplierFactorNumeric", ac.percentage)
    .amount("cbc:Amount", ac.amount, currency)
    .amount("cbc:BaseAmount", ac.baseAmount, currency);
  if (withVat)
    writeTaxCategory(b, "cac:TaxCategory", { category: ac.vatCategory, rate: ac.vatRate }, "vatCategory");
  b.close("cac:AllowanceCharge");
}

/**
 * BG-23 as the TaxTotal in invoice currency with its subtotals (BT-110), then BT-111 as a second TaxTotal in the
 * VAT accounting currency without subtotals, then BG-22 as cac:LegalMonetaryTotal.
 */
export function writeTotals(
  b: XmlBuilder,
  doc: InvoiceDocument,
  currency: string,
  taxCurrency: string,
): void {
  if (doc.totals.tax !== undefined || doc.vatBreakdown.length > 0) {
    b.open("cac:TaxTotal").amount("cbc:TaxAmount", doc.totals.tax, currency);
    doc.vatBreakdown.forEach((v, i) => {
      b.section = `vatBreakdown[${i}]`;
      b.open("cac:TaxSubtotal")
        .amount("cbc:TaxableAmount", v.taxableAmount, currency)
        .amount("cbc:TaxAmount", v.taxAmount, currency);
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
      .amount("cbc:TaxAmount", doc.taxTotalInTaxCurrency, taxCurrency)
      .close("cac:TaxTotal");
  }
  const t = doc.totals;
  b.open("cac:LegalMonetaryTotal")
    .amount("cbc:LineExtensionAmount", t.lineNet, currency)
    .amount("cbc:TaxExclusiveAmount", t.taxExclusive, currency)
    .amount("cbc:TaxInclusiveAmount", t.taxInclusive, currency)
    .amount("cbc:AllowanceTotalAmount", t.allowances, currency)
    .amount("cbc:ChargeTotalAmount", t.charges, currency)
    .amount("cbc:PrepaidAmount", t.prepaid, currency)
    .amount("cbc:PayableRoundingAmount", t.rounding, currency)
    .amount("cbc:PayableAmount", t.payable, currency)
    .close("cac:LegalMonetaryTotal");
}
