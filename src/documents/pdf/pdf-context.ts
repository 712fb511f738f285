import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import type { Language } from "../../core/language.ts";
import type { Decimal } from "../../core/money/decimal.ts";
import { formatDate } from "./format-date.ts";
import { formatAmount } from "./format-decimal.ts";
import type { PdfLabels } from "./labels/pdf-labels.ts";

/** What every drawing function needs: the pdfkit document, the invoice, and the customer's language. */
export interface PdfContext {
  readonly doc: PDFKit.PDFDocument;
  readonly invoice: InvoiceDocument;
  readonly language: Language;
  readonly labels: PdfLabels;
}

/**
 * A piece of the page whose height is known before it is drawn, so the caller can move it to the next page
 * instead of letting it run into the footer.
 */
export interface Block {
  readonly height: number;
  draw(y: number): void;
}

/** An amount in the language's notation. */
export function amountText(ctx: PdfContext, value: Decimal): string {
  return formatAmount(value, ctx.language);
}

/** An amount followed by the invoice currency: "2.730,54 EUR". */
export function moneyText(ctx: PdfContext, value: Decimal): string {
  return `${formatAmount(value, ctx.language)} ${ctx.invoice.currency ?? ""}`.trim();
}

/** An ISO date in the language's notation. */
export function dateText(ctx: PdfContext, iso: string): string {
  return formatDate(iso, ctx.language);
}
