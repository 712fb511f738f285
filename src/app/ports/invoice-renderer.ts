import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import type { Language } from "../../core/language.ts";

/** How a PDF is rendered: in the customer's language, and marked when it goes to a copy recipient. */
export interface PdfOptions {
  readonly language: Language;
  /** Draws the visible "COPY / DUPLICATA / KOPIE" mark. */
  readonly copy: boolean;
  /** The UBL to attach inside the PDF, when given. */
  readonly attachUbl?: string;
}

/** Renders the documents of an invoice. Implemented in src/documents. */
export interface InvoiceRenderer {
  /** Peppol BIS Billing 3.0 UBL; fails with the field that cannot be written. */
  ubl(document: InvoiceDocument): { ok: true; xml: string } | { ok: false; message: string };
  pdf(document: InvoiceDocument, options: PdfOptions): Promise<Buffer>;
}
