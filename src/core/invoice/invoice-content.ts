import type { Decimal } from "../money/decimal.ts";
import type { Period, PrecedingInvoice } from "./invoice.ts";
import type { VatCategory } from "./vat-category.ts";

/**
 * What an invoice says, as the ERP or a user gives it: the inputs from which every EN 16931 amount is computed.
 * Totals and the VAT breakdown are never given; they are derived (see computeTotals), so they cannot disagree.
 */
export interface InvoiceContent {
  readonly kind: "invoice" | "credit-note";
  /** BT-2, YYYY-MM-DD. */
  readonly issueDate: string;
  /** BT-9, YYYY-MM-DD; when absent the customer's payment terms decide. */
  readonly dueDate?: string;
  /** BT-5 */
  readonly currency: string;
  /** BT-6 with the exchange rate from invoice currency to it (BT-111 = BT-110 x rate, rounded). */
  readonly taxCurrency?: { readonly code: string; readonly rate: Decimal };
  /** BT-10 */
  readonly buyerReference?: string;
  /** BT-13 */
  readonly orderReference?: string;
  /** BT-22 */
  readonly notes: readonly string[];
  /** BG-3: the invoice(s) a credit note corrects. */
  readonly precedingInvoices: readonly PrecedingInvoice[];
  /** BG-14 */
  readonly invoicingPeriod?: Period;
  readonly lines: readonly ContentLine[];
  /** BG-20 */
  readonly allowances: readonly DocumentAllowanceCharge[];
  /** BG-21 */
  readonly charges: readonly DocumentAllowanceCharge[];
  /** BT-113 amount already paid. */
  readonly prepaid?: Decimal;
  /** BT-120 per VAT category that needs an exemption reason (E, AE, K, G, O). */
  readonly exemptionReasons?: Readonly<Partial<Record<VatCategory, string>>>;
}

/** One invoice line as given. */
export interface ContentLine {
  /** BT-126 */
  readonly id: string;
  /** BT-153 */
  readonly name: string;
  /** BT-154 */
  readonly description?: string;
  /** BT-155 */
  readonly sellersItemId?: string;
  /** BT-129 */
  readonly quantity: Decimal;
  /** BT-130 UN/ECE Rec 20 code, e.g. C62 (one), HUR (hour), KGM. */
  readonly unitCode: string;
  /** BT-146, may have more than two decimals. */
  readonly netPrice: Decimal;
  /** BT-149 */
  readonly baseQuantity?: Decimal;
  /** BT-151 */
  readonly vatCategory: VatCategory;
  /** BT-152, percent; zero for categories without VAT. */
  readonly vatRate: Decimal;
  /** BG-26 */
  readonly period?: Period;
  /** BT-132 */
  readonly orderLineReference?: string;
  /** BG-27 */
  readonly allowances: readonly LineAllowanceCharge[];
  /** BG-28 */
  readonly charges: readonly LineAllowanceCharge[];
}

/** BG-27 / BG-28 as given: an amount, or a percentage of a base. */
export interface LineAllowanceCharge {
  readonly amount?: Decimal;
  readonly baseAmount?: Decimal;
  readonly percentage?: Decimal;
  readonly reason?: string;
  readonly reasonCode?: string;
}

/** BG-20 / BG-21 as given: also carries its VAT category and rate. */
export interface DocumentAllowanceCharge extends LineAllowanceCharge {
  readonly vatCategory: VatCategory;
  readonly vatRate: Decimal;
}
