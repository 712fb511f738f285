import { fileURLToPath } from "node:url";
import { renderInvoicePdf } from "../render-invoice-pdf.ts";
import { sampleInvoice } from "./sample-invoice.ts";

/** The reviewed picture of page 1, kept under version control. */
export const GOLDEN_PNG = fileURLToPath(new URL("golden-page1.png", import.meta.url));
/** The resolution of the golden picture: small enough to keep in git, large enough to see the layout. */
export const GOLDEN_DPI = 60;

/** The PDF whose first page the golden picture shows: the sample invoice in French, with the sample logo. */
export function goldenPdf(): Promise<Buffer> {
  const logoPath = fileURLToPath(new URL("logo.png", import.meta.url));
  return renderInvoicePdf(sampleInvoice(), { language: "fr", copy: false, logoPath });
}
