import type { AllowanceCharge } from "../../core/invoice/invoice.ts";
import { cac, cbcDecimal, cbcText } from "./ubl-access.ts";
import type { XmlElement } from "./xml-element.ts";

/** True for a charge (ChargeIndicator true or 1), false for an allowance. */
export function isCharge(allowanceCharge: XmlElement): boolean {
  const indicator = cbcText(allowanceCharge, "ChargeIndicator");
  return indicator === "true" || indicator === "1";
}

/**
 * BG-20/21 (document level, with VAT category) or BG-27/28 (line level, `withVat` false) from a cac:AllowanceCharge.
 */
export function readAllowanceCharge(allowanceCharge: XmlElement, withVat: boolean): AllowanceCharge {
  const common = {
    amount: cbcDecimal(allowanceCharge, "Amount"),
    baseAmount: cbcDecimal(allowanceCharge, "BaseAmount"),
    percentage: cbcDecimal(allowanceCharge, "MultiplierFactorNumeric"),
    reason: cbcText(allowanceCharge, "AllowanceChargeReason"),
    reasonCode: cbcText(allowanceCharge, "AllowanceChargeReasonCode"),
  };
  if (!withVat) return common;
  const category = cac(allowanceCharge, "TaxCategory");
  return { ...common, vatCategory: cbcText(category, "ID"), vatRate: cbcDecimal(category, "Percent") };
}

/** Splits a list of cac:AllowanceCharge into allowances and charges, each in document order. */
export function readAllowancesAndCharges(
  elements: readonly XmlElement[],
  withVat: boolean,
): { allowances: AllowanceCharge[]; charges: AllowanceCharge[] } {
  const allowances: AllowanceCharge[] = [];
  const charges: AllowanceCharge[] = [];
  for (const element of elements) {
    (isCharge(element) ? charges : allowances).push(readAllowanceCharge(element, withVat));
  }
  return { allowances, charges };
}
