import type { InvoiceRenderer } from "../app/ports/invoice-renderer.ts";
import { renderInvoicePdf } from "./pdf/render-invoice-pdf.ts";
import { writeUbl } from "./ubl/write-ubl.ts";

/** What the renderer is configured with, once, by the entry point. */
export interface InvoiceRendererOptions {
  /** A local PNG or JPEG drawn at the top left of every PDF; never fetched from a URL. */
  readonly logoPath?: string;
}

/**
 * The app's InvoiceRenderer port over src/documents: Peppol BIS Billing 3.0 UBL from `writeUbl` (a value that cannot
 * be written fails with the field and the character) and the PDF from `renderInvoicePdf`.
 */
export function createInvoiceRenderer(options: InvoiceRendererOptions = {}): InvoiceRenderer {
  const logo = options.logoPath === undefined ? {} : { logoPath: options.logoPath };
  return {
    ubl(document) {
      const written = writeUbl(document);
      return written.ok ? { ok: true, xml: written.value } : { ok: false, message: written.error.message };
    },
    pdf(document, pdfOptions) {
      return renderInvoicePdf(document, { ...pdfOptions, ...logo });
    },
  };
}

/** The renderer without a logo. */
export const invoiceRenderer: InvoiceRenderer = createInvoiceRenderer();
