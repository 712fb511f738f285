import type { VatCategory } from "../../../core/invoice/vat-category.ts";

/** Every word the PDF prints, in one language. One table per language keeps translations reviewable side by side. */
export interface PdfLabels {
  readonly invoiceTitle: string;
  readonly creditNoteTitle: string;
  /** The main word of the copy mark; the mark also shows the other languages' words. */
  readonly copyWord: string;
  readonly customer: string;
  readonly vatNumber: string;
  readonly enterpriseNumber: string;
  readonly telephone: string;
  readonly email: string;
  readonly invoiceNumber: string;
  readonly creditNoteNumber: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly buyerReference: string;
  readonly orderReference: string;
  readonly precedingInvoice: string;
  readonly period: string;
  readonly notes: string;
  readonly paymentTerms: string;
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitPrice: string;
  readonly vat: string;
  readonly amount: string;
  /** Appended to the title on the pages after the first. */
  readonly continued: string;
  readonly itemReference: string;
  readonly lineAllowance: string;
  readonly lineCharge: string;
  readonly vatBreakdown: string;
  readonly vatCategory: string;
  readonly vatRate: string;
  readonly taxableAmount: string;
  readonly vatAmount: string;
  readonly exemptionReason: string;
  readonly lineNet: string;
  readonly allowances: string;
  readonly charges: string;
  readonly taxExclusive: string;
  readonly totalVat: string;
  /** BT-111, the VAT total in the VAT accounting currency; followed by the currency code. */
  readonly vatInAccountingCurrency: string;
  readonly taxInclusive: string;
  readonly prepaid: string;
  readonly rounding: string;
  readonly amountDue: string;
  /** The amount due of a credit note, which the seller owes the buyer. */
  readonly amountCredited: string;
  readonly payment: string;
  readonly beneficiary: string;
  readonly structuredReference: string;
  readonly reference: string;
  readonly scanToPay: string;
  readonly page: string;
  readonly pageOf: string;
  readonly vatCategories: Readonly<Record<VatCategory, string>>;
  /** Short names of common UN/ECE Recommendation 20 unit codes; other codes are printed as they are. */
  readonly units: Readonly<Record<string, string>>;
}
