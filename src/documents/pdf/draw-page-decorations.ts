import { formatIban, parseIban } from "../../core/identifiers/iban.ts";
import { copyMarkText } from "./labels/labels-for.ts";
import type { PdfContext } from "./pdf-context.ts";
import { COLORS, PAGE, SIZE } from "./pdf-layout.ts";
import { writeText } from "./pdf-text.ts";

function footerText(ctx: PdfContext): string {
  const { invoice, labels } = ctx;
  const seller = invoice.seller;
  const account = invoice.paymentMeans.flatMap((m) => m.creditTransfers).find((t) => t.account)?.account;
  const iban = account ? parseIban(account) : undefined;
  return [
    seller.name,
    seller.vatNumber ? `${labels.vatNumber} ${seller.vatNumber}` : undefined,
    iban?.ok ? `IBAN ${formatIban(iban.value)}` : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
}

function drawFooter(ctx: PdfContext, page: number, pages: number): void {
  const { doc, labels } = ctx;
  doc
    .moveTo(PAGE.left, PAGE.footer - 6)
    .lineTo(PAGE.right, PAGE.footer - 6)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  const style = { size: SIZE.small, color: COLORS.muted } as const;
  writeText(doc, footerText(ctx), PAGE.left, PAGE.footer, 400, style);
  const pageText = `${labels.page} ${page} ${labels.pageOf} ${pages}`;
  writeText(doc, pageText, PAGE.right - 110, PAGE.footer, 110, { ...style, align: "right" });
}

/**
 * The copy mark: the customer's word for "copy" set large and diagonally across the page in translucent red, and
 * the words of all languages in a line above the content, so the mark shows on screen, on paper and in the text.
 */
function drawCopyMark(ctx: PdfContext): void {
  const { doc, labels, language } = ctx;
  writeText(doc, copyMarkText(language), PAGE.left, 18, PAGE.right - PAGE.left, {
    size: SIZE.body,
    bold: true,
    color: COLORS.copy,
    align: "center",
  });
  const centerX = PAGE.width / 2;
  const centerY = PAGE.height / 2;
  doc
    .save()
    .rotate(-35, { origin: [centerX, centerY] })
    .fillOpacity(0.14);
  writeText(doc, labels.copyWord, centerX - 350, centerY - 50, 700, {
    size: 96,
    bold: true,
    color: COLORS.copy,
    align: "center",
  });
  doc.restore();
}

/** Draws the footer (seller, VAT number, IBAN, "page n of m") and, for a copy, the copy mark on every page. */
export function drawPageDecorations(ctx: PdfContext, copy: boolean): void {
  const { start, count } = ctx.doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    ctx.doc.switchToPage(i);
    drawFooter(ctx, i - start + 1, count);
    if (copy) drawCopyMark(ctx);
  }
}
