import PDFDocument from "pdfkit";
import type { PdfOptions } from "../../app/ports/invoice-renderer.ts";
import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { documentTitle, drawContinuationHeader, drawFirstPageHeader } from "./draw-header.ts";
import { drawLinesTable } from "./draw-lines-table.ts";
import { drawPageDecorations } from "./draw-page-decorations.ts";
import { labelsFor } from "./labels/labels-for.ts";
import { loadLogo } from "./load-logo.ts";
import { notesBlock } from "./notes-block.ts";
import { paymentBlock } from "./payment-block.ts";
import type { Block, PdfContext } from "./pdf-context.ts";
import { registerFonts } from "./pdf-fonts.ts";
import { PAGE } from "./pdf-layout.ts";
import { totalsBlock } from "./totals-block.ts";
import { vatBreakdownBlock } from "./vat-breakdown-block.ts";

/** {@link PdfOptions} plus what the adapter is configured with. */
export interface PdfRenderOptions extends PdfOptions {
  /** A local PNG or JPEG file drawn at the top left; never fetched from a URL. */
  readonly logoPath?: string;
}

/** Midnight UTC of the issue date: the PDF's dates and file id depend on the invoice only, not on the clock. */
function documentDate(document: InvoiceDocument): Date {
  const date = new Date(`${document.issueDate ?? "1970-01-01"}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

function createDocument(
  document: InvoiceDocument,
  options: PdfRenderOptions,
  title: string,
): PDFKit.PDFDocument {
  const date = documentDate(document);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.top, left: PAGE.left, right: PAGE.width - PAGE.right, bottom: 10 },
    bufferPages: true,
    // No default font: pdfkit would load Helvetica, a standard-14 font; every text call names an embedded one.
    font: "",
    lang: options.language,
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: `${title} ${document.number ?? ""}`.trim(),
      Author: document.seller.name ?? "",
      Subject: title,
      Creator: "facteur",
      Producer: "facteur",
      CreationDate: date,
      ModDate: date,
    },
  });
  registerFonts(doc);
  return doc;
}

/** Places a block at `y`, or at the top of a new page when it would run into the footer; returns the y below it. */
function place(block: Block, y: number, nextPage: () => number): number {
  const top = y + block.height > PAGE.bottom ? nextPage() : y;
  block.draw(top);
  return top + block.height;
}

function attachUbl(doc: PDFKit.PDFDocument, document: InvoiceDocument, xml: string): void {
  const date = documentDate(document);
  const options: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
    name: `${document.number ?? "invoice"}.xml`,
    type: "application/xml",
    description: "Peppol BIS Billing 3.0 UBL",
    creationDate: date,
    modifiedDate: date,
    // The XML is the legal invoice and the PDF its human view: PDF/A-3's "Alternative" relationship.
    relationship: "Alternative",
  };
  doc.file(Buffer.from(xml, "utf8"), options);
}

/**
 * Renders an invoice or credit note as an A4 PDF in the customer's language: header with seller and customer, the
 * lines table over as many pages as needed (header row repeated), VAT breakdown, totals, payment instructions with
 * the EPC QR code, page footer, and for a copy the copy mark on every page. Text uses embedded DejaVu Sans; when
 * `attachUbl` is given the UBL is embedded as `<number>.xml`. Output bytes depend only on the input.
 */
export async function renderInvoicePdf(
  document: InvoiceDocument,
  options: PdfRenderOptions,
): Promise<Buffer> {
  const logo = options.logoPath ? await loadLogo(options.logoPath) : undefined;
  const labels = labelsFor(options.language);
  const doc = createDocument(document, options, documentTitle(document, labels));
  const context: PdfContext = { doc, invoice: document, language: options.language, labels };
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const nextPage = () => {
    doc.addPage();
    return drawContinuationHeader(context);
  };
  let y = drawFirstPageHeader(context, logo);
  const notes = notesBlock(context);
  if (notes) y = place(notes, y, nextPage);
  y = drawLinesTable(context, y, nextPage);
  const vat = vatBreakdownBlock(context);
  const totals = totalsBlock(context);
  const summary: Block = {
    height: Math.max(vat.height, totals.height) + 12,
    draw(top) {
      vat.draw(top);
      totals.draw(top);
    },
  };
  y = place(summary, y, nextPage);
  const payment = paymentBlock(context);
  if (payment) place(payment, y, nextPage);
  if (options.attachUbl !== undefined) attachUbl(doc, document, options.attachUbl);
  drawPageDecorations(context, options.copy);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
