import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import type { PdfLabels } from "./labels/pdf-labels.ts";
import { addressLines, taxIdLines } from "./party-lines.ts";
import { dateText, type PdfContext } from "./pdf-context.ts";
import { COLORS, PAGE, SIZE } from "./pdf-layout.ts";
import { writeText } from "./pdf-text.ts";

const LEFT_WIDTH = 260;
const RIGHT_X = 315;
const RIGHT_WIDTH = PAGE.right - RIGHT_X;
/** Where the customer block starts at the latest: the window of a Belgian right-window envelope. */
const CUSTOMER_Y = 125;
const LOGO_BOX = { width: 160, height: 50 } as const;

/** The title: invoice or credit note, in the customer's language. */
export function documentTitle(invoice: InvoiceDocument, labels: PdfLabels): string {
  return invoice.kind === "credit-note" ? labels.creditNoteTitle : labels.invoiceTitle;
}

function drawSeller(ctx: PdfContext, logo: Buffer | undefined): number {
  const { doc, invoice, labels } = ctx;
  const seller = invoice.seller;
  let y: number = PAGE.top;
  if (logo) {
    doc.image(logo, PAGE.left, y, { fit: [LOGO_BOX.width, LOGO_BOX.height] });
    y += LOGO_BOX.height + 8;
  }
  y += writeText(doc, seller.name ?? "", PAGE.left, y, LEFT_WIDTH, { size: SIZE.name, bold: true });
  const lines = [
    seller.tradingName && seller.tradingName !== seller.name ? seller.tradingName : undefined,
    ...addressLines(seller.address, ctx.language),
    ...taxIdLines(seller, labels),
    seller.legalForm,
    seller.contact?.telephone ? `${labels.telephone} ${seller.contact.telephone}` : undefined,
    seller.contact?.email,
  ].filter((line): line is string => Boolean(line));
  return y + 2 + writeText(doc, lines.join("\n"), PAGE.left, y + 2, LEFT_WIDTH, { color: COLORS.muted });
}

function invoiceFacts(ctx: PdfContext): [string, string][] {
  const { invoice, labels } = ctx;
  const facts: [string, string | undefined][] = [
    [invoice.kind === "credit-note" ? labels.creditNoteNumber : labels.invoiceNumber, invoice.number],
    [labels.issueDate, invoice.issueDate && dateText(ctx, invoice.issueDate)],
    [labels.dueDate, invoice.dueDate && dateText(ctx, invoice.dueDate)],
    [labels.buyerReference, invoice.buyerReference],
    [labels.orderReference, invoice.orderReference],
    ...invoice.precedingInvoices.map((p): [string, string] => [
      labels.precedingInvoice,
      p.issueDate ? `${p.number} (${dateText(ctx, p.issueDate)})` : p.number,
    ]),
  ];
  const period = invoice.invoicingPeriod;
  if (period?.start || period?.end) {
    const range = [period.start, period.end].map((d) => (d ? dateText(ctx, d) : "…")).join(" – ");
    facts.push([labels.period, range]);
  }
  return facts.filter((f): f is [string, string] => Boolean(f[1]));
}

function drawFacts(ctx: PdfContext, y: number): number {
  let bottom = y;
  for (const [label, value] of invoiceFacts(ctx)) {
    writeText(ctx.doc, label, PAGE.left, bottom, 110, { color: COLORS.muted });
    bottom += writeText(ctx.doc, value, PAGE.left + 115, bottom, LEFT_WIDTH - 115, { bold: true }) + 3;
  }
  return bottom;
}

function drawCustomer(ctx: PdfContext, y: number): number {
  const { doc, invoice, labels } = ctx;
  const buyer = invoice.buyer;
  const inner = RIGHT_WIDTH - 24;
  const text = [...addressLines(buyer.address, ctx.language), ...taxIdLines(buyer, labels)].join("\n");
  let bottom = y + 10;
  bottom += writeText(doc, labels.customer, RIGHT_X + 12, bottom, inner, {
    size: SIZE.small,
    color: COLORS.muted,
  });
  bottom += writeText(doc, buyer.name ?? "", RIGHT_X + 12, bottom + 2, inner, { size: 10.5, bold: true }) + 4;
  bottom += writeText(doc, text, RIGHT_X + 12, bottom, inner) + 10;
  doc
    .roundedRect(RIGHT_X, y, RIGHT_WIDTH, bottom - y, 4)
    .lineWidth(0.8)
    .strokeColor(COLORS.rule)
    .stroke();
  return bottom;
}

/**
 * Draws the first page's header: logo and seller on the left, the title on the right, then the invoice facts on the
 * left and the customer block on the right where an envelope window shows it. Returns where content may start.
 */
export function drawFirstPageHeader(ctx: PdfContext, logo: Buffer | undefined): number {
  const sellerBottom = drawSeller(ctx, logo);
  writeText(ctx.doc, documentTitle(ctx.invoice, ctx.labels), RIGHT_X, PAGE.top, RIGHT_WIDTH, {
    size: SIZE.title,
    bold: true,
    color: COLORS.accent,
    align: "right",
  });
  const rowY = Math.max(sellerBottom + 14, CUSTOMER_Y);
  return Math.max(drawFacts(ctx, rowY), drawCustomer(ctx, rowY)) + 16;
}

/** Draws the short header of the following pages: seller, title, number, "(continued)". Returns the content top. */
export function drawContinuationHeader(ctx: PdfContext): number {
  const { doc, invoice, labels } = ctx;
  writeText(doc, invoice.seller.name ?? "", PAGE.left, PAGE.top, 250, { bold: true });
  const title = `${documentTitle(ctx.invoice, ctx.labels)} ${invoice.number ?? ""} ${labels.continued}`;
  writeText(doc, title, 300, PAGE.top, PAGE.right - 300, { color: COLORS.muted, align: "right" });
  const ruleY = PAGE.top + 18;
  doc.moveTo(PAGE.left, ruleY).lineTo(PAGE.right, ruleY).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  return ruleY + 12;
}
